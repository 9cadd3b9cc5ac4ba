// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Flag } from '../../core/flag';
import { KIND_LABELS } from '../../core/labels';
import { RuleSchema, type Rule } from '../../core/schema';
import { Card, placeCard, type CardProps } from '../Card';

afterEach(() => cleanup());

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function rule(overrides: Partial<Rule> = {}): Rule {
  return RuleSchema.parse({
    id: 'slammed',
    kind: 'loaded-term',
    category: 'editorializing',
    phrases: ['slammed'],
    severity: 'medium',
    explanation: '"Slammed" turns criticism into a physical blow; "criticized" reports it.',
    alternatives: ['criticized', 'objected to'],
    reference: { title: 'Reporting verbs', url: 'https://example.org/reporting-verbs' },
    examples: { flag: ['Critics slammed the plan.'], pass: ['Critics criticized the plan.'] },
    ...overrides,
  });
}

function flag(overrides: Partial<Flag> = {}): Flag {
  return {
    id: '10:17:test-pack/slammed',
    kind: 'loaded-term',
    packId: 'test-pack',
    ruleId: 'slammed',
    category: 'editorializing',
    severity: 'medium',
    start: 10,
    end: 17,
    text: 'slammed',
    quoted: false,
    sentenceStart: 0,
    sentenceEnd: 30,
    ...overrides,
  };
}

function renderCard(props: Partial<CardProps> = {}) {
  const handlers = {
    onClose: vi.fn(),
    onStep: vi.fn(),
    onDisablePack: vi.fn(),
    onDisableSite: vi.fn(),
  };
  render(
    <Card
      flag={flag()}
      rule={rule()}
      packName="Test pack"
      index={2}
      total={5}
      anchor={{ left: 100, top: 100, right: 160, bottom: 120 }}
      hostname="news.example"
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('explanation card', () => {
  it("shows the flagged text, kind, category, the rule's explanation, alternatives and reference", () => {
    renderCard();
    const dialog = screen.getByRole('dialog', { name: KIND_LABELS['loaded-term'] });
    expect(dialog.textContent).toContain('slammed');
    expect(dialog.textContent).toContain('Editorializing');
    expect(dialog.textContent).toContain('turns criticism into a physical blow');
    expect(screen.getByText('criticized')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Reporting verbs' });
    expect(link.getAttribute('href')).toBe('https://example.org/reporting-verbs');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(dialog.textContent).toContain('2 of 5');
  });

  it('shows page and pack text that looks like HTML literally, creating no elements from it', () => {
    renderCard({ flag: flag({ text: HOSTILE }), rule: rule({ explanation: `Explained: ${HOSTILE}`, alternatives: [HOSTILE] }) });
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('img')).toBeNull();
    expect(dialog.querySelector('script')).toBeNull();
    expect(dialog.textContent).toContain(`Explained: ${HOSTILE}`);
    expect(dialog.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('says when the words are in a quotation of someone else', () => {
    renderCard({ flag: flag({ quoted: true }) });
    expect(screen.getByText('In a quotation — said by someone else')).toBeTruthy();
  });

  it('names the words that make an unsourced sentence a claim', () => {
    renderCard({
      flag: flag({
        kind: 'unsourced-assertion',
        category: 'certainty-marker',
        text: 'The project will obviously destroy the waterfront.',
        trigger: { start: 17, end: 26, text: 'obviously' },
      }),
      rule: rule({ kind: 'assertion-cue', category: 'certainty-marker' }),
    });
    expect(screen.getByRole('dialog', { name: KIND_LABELS['unsourced-assertion'] }).textContent).toContain(
      'Reads as a claim because of: obviously',
    );
  });

  it('turns off the rule set, the site, and moves through flags from its buttons', () => {
    const handlers = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off this rule set' }));
    expect(handlers.onDisablePack).toHaveBeenCalledWith('test-pack');
    fireEvent.click(screen.getByRole('button', { name: 'Not on this site' }));
    expect(handlers.onDisableSite).toHaveBeenCalledWith('news.example');
    fireEvent.click(screen.getByRole('button', { name: 'Next ›' }));
    expect(handlers.onStep).toHaveBeenCalledWith('next');
    fireEvent.click(screen.getByRole('button', { name: '‹ Previous' }));
    expect(handlers.onStep).toHaveBeenCalledWith('previous');
  });

  it('closes on Esc and on its close button, and takes focus when it opens', () => {
    const handlers = renderCard();
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(handlers.onClose).toHaveBeenCalledTimes(2);
  });

  it('keeps focus on "Next ›" when the reader moves on with it', () => {
    const props = {
      rule: rule(),
      index: 1,
      total: 3,
      anchor: { left: 10, top: 10, right: 50, bottom: 30 },
      hostname: 'news.example',
      onClose: vi.fn(),
      onStep: vi.fn(),
      onDisablePack: vi.fn(),
      onDisableSite: vi.fn(),
    };
    const { rerender } = render(<Card {...props} flag={flag()} />);
    const next = screen.getByRole('button', { name: 'Next ›' });
    next.focus();
    rerender(<Card {...props} index={2} flag={flag({ id: '40:47:test-pack/slammed', start: 40, end: 47 })} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next ›' }));
  });

  it('says so when the rule behind a flag is gone', () => {
    renderCard({ rule: undefined });
    expect(screen.getByRole('dialog').textContent).toContain('no longer in your rule sets');
  });
});

describe('card placement', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 360, height: 300 };

  it('sits below the phrase when there is room', () => {
    expect(placeCard({ left: 100, top: 100, right: 150, bottom: 120 }, size, viewport)).toEqual({ left: 100, top: 128 });
  });

  it('goes above a phrase near the bottom of the screen', () => {
    expect(placeCard({ left: 100, top: 700, right: 150, bottom: 720 }, size, viewport)).toEqual({ left: 100, top: 392 });
  });

  it('never runs past the right or left edge', () => {
    expect(placeCard({ left: 900, top: 100, right: 950, bottom: 120 }, size, viewport).left).toBe(632);
    expect(placeCard({ left: -50, top: 100, right: 10, bottom: 120 }, size, viewport).left).toBe(8);
  });

  it('stays on screen when the phrase has scrolled out of view', () => {
    const { top } = placeCard({ left: 100, top: -400, right: 150, bottom: -380 }, size, viewport);
    expect(top).toBeGreaterThanOrEqual(8);
    expect(top + size.height).toBeLessThanOrEqual(viewport.height);
  });
});
