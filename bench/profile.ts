/**
 * CPU profile of one piece of work through the inspector (the same sampler as `node --cpu-prof`),
 * reduced to the functions with the most self time, with file and line, so a missed target
 * comes with the place to fix. The full profile is written for DevTools as well.
 */
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface HotFunction {
  /** `file:function:line`, with the file relative to the repository. */
  where: string;
  selfMs: number;
  selfShare: number;
}

export interface ProfileSummary {
  totalMs: number;
  hot: HotFunction[];
  file: string;
}

export async function profile(
  work: () => void,
  outputFile: string,
  repositoryRoot: string,
  top = 12,
): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    work();
    const { profile: cpuProfile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    mkdirSync(dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, JSON.stringify(cpuProfile));
    return { ...summarizeProfile(cpuProfile, repositoryRoot, top), file: relative(repositoryRoot, outputFile) };
  } finally {
    session.disconnect();
  }
}

function summarizeProfile(cpuProfile: CpuProfile, repositoryRoot: string, top: number): Omit<ProfileSummary, 'file'> {
  const byNode = new Map<number, ProfileNode>(cpuProfile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<string, number>();
  let totalMicros = 0;
  cpuProfile.samples.forEach((nodeId, index) => {
    const delta = cpuProfile.timeDeltas[index] ?? 0;
    const node = byNode.get(nodeId);
    if (!node) return;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    totalMicros += delta;
    let file = frame.url.replace(/^file:\/\//, '');
    if (file.startsWith(repositoryRoot)) file = relative(repositoryRoot, file);
    const where = `${file || '(native)'}:${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`;
    selfMicros.set(where, (selfMicros.get(where) ?? 0) + delta);
  });
  const hot = [...selfMicros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, micros]) => ({ where, selfMs: micros / 1000, selfShare: totalMicros > 0 ? micros / totalMicros : 0 }));
  return { totalMs: totalMicros / 1000, hot };
}
