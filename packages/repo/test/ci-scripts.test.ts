/**
 * The CI step scripts' own paths that the dry run does not take: the JFK recording download (run
 * here on a file:// URL, converted to 16 kHz mono WAV), its refusals, and the gate step's record of
 * unusable input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root.ts';

function script(name: string, env: Record<string, string>, args: string[] = []) {
  const base = { ...process.env };
  for (const k of ['GITHUB_STEP_SUMMARY', 'JFK_RECORDING_URL']) delete base[k];
  return spawnSync('bash', [join(repoRoot, 'scripts', 'ci', name), ...args], { cwd: repoRoot, env: { ...base, ...env }, encoding: 'utf8' });
}

describe('scripts/ci/fetch-recording.sh', () => {
  it('skips without JFK_RECORDING_URL, and converts a downloaded recording to 16 kHz mono WAV', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-recording-'));
    const out = join(dir, 'recordings', 'jfk.wav');
    expect(script('fetch-recording.sh', { JFK_FILE: out }).stdout).toContain('JFK_RECORDING_URL not set, jfk-long skipped');
    const source = join(dir, 'speech.ogg');
    expect(spawnSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2:sample_rate=44100', '-ac', '2', source]).status).toBe(0);
    const r = script('fetch-recording.sh', { JFK_FILE: out, JFK_RECORDING_URL: pathToFileURL(source).href });
    expect(r.status, r.stderr).toBe(0);
    const wav = await readFile(out);
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt16LE(22)).toBe(1); // channels
    expect(wav.readUInt32LE(24)).toBe(16000); // sample rate
    expect(script('fetch-recording.sh', { JFK_FILE: out, JFK_RECORDING_URL: 'file:///nonexistent.wav' }).stdout).toContain('already present');
  });

  it('names the variable and the fix when the URL fails or is not audio', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-recording-'));
    const missing = script('fetch-recording.sh', { JFK_FILE: join(dir, 'a.wav'), JFK_RECORDING_URL: 'file:///nonexistent/x.wav' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/could not download JFK_RECORDING_URL \(file:\/\/\/nonexistent\/x\.wav\); fix the repository variable or clear it to skip jfk-long/);
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'not audio');
    const bad = script('fetch-recording.sh', { JFK_FILE: join(dir, 'b.wav'), JFK_RECORDING_URL: pathToFileURL(text).href });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/is not audio ffmpeg can read; point JFK_RECORDING_URL at a WAV, FLAC, MP3 or OGG file/);
  });
});

describe('scripts/ci/gate.sh and verdict.sh', () => {
  it('record unusable input as exit 2 with a report saying so, and verdict.sh exits with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-gate-'));
    const baseline = join(dir, 'baseline');
    spawnSync('mkdir', ['-p', baseline]);
    await writeFile(join(baseline, 'x.json'), '{ broken');
    const env = { BASELINE_DIR: baseline, RESULTS_DIR: join(dir, 'latest'), GATE_DIR: join(dir, 'gate'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
    const gate = script('gate.sh', env);
    expect(gate.status, gate.stderr).toBe(0);
    expect(await readFile(join(dir, 'gate', 'exit-code'), 'utf8')).toBe('2\n');
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toContain('## Regression gate: unusable input (exit 2)');
    const verdict = script('verdict.sh', env);
    expect(verdict.status).toBe(2);
    expect(verdict.stdout).toContain('the gate could not compare (exit 2');
  }, 60_000);
});
