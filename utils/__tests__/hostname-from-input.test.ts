import { expect, it } from 'vitest';
import { hostnameFromInput } from '../hostname-from-input';

it.each([
  ['www.example.com', 'www.example.com'],
  ['  Example.COM ', 'example.com'],
  ['https://news.example.org/politics/1?x=2', 'news.example.org'],
  ['http://localhost:8080/page', 'localhost'],
])('turns "%s" into the host name %s', (input, hostname) => {
  expect(hostnameFromInput(input)).toBe(hostname);
});

it.each(['', '   ', 'exampl', 'two words.com', 'https://'])('refuses "%s" as a site', (input) => {
  expect(hostnameFromInput(input)).toBeUndefined();
});
