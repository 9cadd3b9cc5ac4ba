/**
 * CPU profile of one piece of work through the inspector (the same sampler as `node --cpu-prof`),
 * reduced to the functions with the most self time, with file and line, so a missed target
 * comes with the place to fix. The full profile is written for DevTools as well.
 */
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
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

/**
 * Self time per function. Positions are mapped through the loader's source maps (tsx compiles
 * each module to one line, so raw line numbers say nothing), and samples taken while the
 * inspector itself was on the stack (stopping the profiler) are left out.
 */
function summarizeProfile(cpuProfile: CpuProfile, repositoryRoot: string, top: number): Omit<ProfileSummary, 'file'> {
  const byNode = new Map<number, ProfileNode>(cpuProfile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of cpuProfile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const fromInspector = new Map<number, boolean>();
  const isInspector = (nodeId: number): boolean => {
    const known = fromInspector.get(nodeId);
    if (known !== undefined) return known;
    const node = byNode.get(nodeId);
    const parent = parentOf.get(nodeId);
    const result = !!node && (node.callFrame.url.startsWith('node:inspector') || (parent !== undefined && isInspector(parent)));
    fromInspector.set(nodeId, result);
    return result;
  };
  const whereOf = (frame: ProfileNode['callFrame']): string => {
    let file = frame.url;
    let line = frame.lineNumber;
    const entry = frame.url ? (findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined) : undefined;
    if (entry?.originalSource) {
      file = entry.originalSource;
      line = entry.originalLine ?? line;
    }
    file = file.replace(/^file:\/\//, '');
    if (file.startsWith(repositoryRoot)) file = relative(repositoryRoot, file);
    return `${file || '(native)'}:${frame.functionName || '(anonymous)'}${file ? `:${line + 1}` : ''}`;
  };
  const selfMicros = new Map<string, number>();
  let totalMicros = 0;
  cpuProfile.samples.forEach((nodeId, index) => {
    const delta = cpuProfile.timeDeltas[index] ?? 0;
    const node = byNode.get(nodeId);
    if (!node || isInspector(nodeId)) return;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    totalMicros += delta;
    const where = whereOf(frame);
    selfMicros.set(where, (selfMicros.get(where) ?? 0) + delta);
  });
  const hot = [...selfMicros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, micros]) => ({ where, selfMs: micros / 1000, selfShare: totalMicros > 0 ? micros / totalMicros : 0 }));
  return { totalMs: totalMicros / 1000, hot };
}
