/** A dying browser or a page call that never returns is an error, never a stuck run. */
import { describe, expect, it } from 'vitest';
import { transcribeInBrowser } from '../src/browser-backend.ts';
import { faultyChromium } from './faulty-chromium.ts';
import { fixtureVariants, longClip, request, shortClips } from './requests.ts';

describe('a dying or hanging browser is an error, never a stuck run', () => {
  it('records the browser being killed mid-run', async () => {
    const { paths } = await shortClips(1);
    // 390 s of audio keeps wasm busy for several seconds; the browser is killed 1 s after its page appears.
    const clip = await longClip(paths, 390);
    const chromium = await faultyChromium({ kind: 'kill', afterSec: 1 });
    try {
      await expect(transcribeInBrowser(request(fixtureVariants(paths).fp32, 'web-wasm', 1, [clip]), { executablePath: chromium.path })).rejects.toThrow(
        /browser exited or crashed|renderer crashed/,
      );
    } finally {
      await chromium.cleanup();
    }
  }, 90_000);

  it('times out a page call that does not return in time', async () => {
    const { paths, clips } = await shortClips(1);
    // Loading the model takes far more than 1 ms: the first call past the deadline throws.
    await expect(transcribeInBrowser(request(fixtureVariants(paths).fp32, 'web-wasm', 1, clips), { callTimeoutMs: 1 })).rejects.toThrow(
      /page call \w+ timed out after 1 ms/,
    );
  }, 60_000);
});
