/// <reference types="vite/client" />
// (vite/client types the `?url` import below; the apps' tsconfig loads no global types.)
import { BarcodeDetector, prepareZXingModule, purgeZXingModule, setZXingModuleOverrides } from 'barcode-detector/ponyfill';
// The ZXing reader compiled to WebAssembly, emitted by Vite as a hashed asset and served by the
// hub: a venue may have no internet, and the CSP allows no other origin anyway. barcode-detector
// 3.2.2 bundles the JS of zxing-wasm 3.1.3, the exact version of this file (same SHA-256).
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/**
 * Without this the decoder fetches its .wasm from a CDN (jsDelivr). One object, passed on
 * every load, so the module cache always keys on it and nothing can fall back to the default.
 */
const ZXING_OVERRIDES = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};
setZXingModuleOverrides(ZXING_OVERRIDES);

/** Why scanning cannot run, for the page to show in words (see scanner-labels.ts). */
export type ScannerErrorCode =
  | 'no-camera' // no camera at all, or it was unplugged
  | 'permission-denied' // the visitor or the browser's policy refused the camera
  | 'camera-busy' // another program holds the camera
  | 'insecure-context' // plain http on a LAN address: browsers give no camera there
  | 'decoder-unavailable' // the WebAssembly decoder did not load
  | 'camera-failed'; // anything else

export type ScannerState = 'idle' | 'starting' | 'scanning' | 'error';

export interface QrScannerOptions {
  /** The element that shows the preview; the scanner owns its srcObject while running. */
  video: HTMLVideoElement;
  /** Called once per distinct code (see repeatWindowMs). */
  onScan: (text: string) => void;
  onError?: (code: ScannerErrorCode, cause: unknown) => void;
  onState?: (state: ScannerState) => void;
  /** A code already reported stays quiet until it has been out of view this long. */
  repeatWindowMs?: number;
  /** Pause between two decodes: ZXing runs on the main thread, so leave it room to breathe. */
  intervalMs?: number;
}

export interface QrScanner {
  start(): Promise<void>;
  stop(): void;
  /** While paused the camera stays open (instant resume) but nothing is decoded or reported. */
  setPaused(paused: boolean): void;
  readonly state: ScannerState;
  /** 'user' for a front camera (the page may mirror its preview), else 'environment' or ''. */
  readonly facingMode: string;
}

/**
 * Remembers when each code was last seen. A pass held in front of the camera is seen on every
 * frame: it is reported once, and again only after it has been away for windowMs (the visitor
 * walked off and came back). Another code is reported at once: the next person never waits.
 */
function createRepeatFilter(windowMs = 2500, now: () => number = () => performance.now()) {
  const lastSeen = new Map<string, number>();
  return {
    /** True when text should be reported now. */
    accept(text: string): boolean {
      const at = now();
      for (const [seen, seenAt] of lastSeen) if (at - seenAt >= windowMs) lastSeen.delete(seen);
      const fresh = !lastSeen.has(text);
      lastSeen.set(text, at);
      return fresh;
    },
    clear: () => lastSeen.clear(),
  };
}

/** Loads the decoder once; a failed load is forgotten so that a retry fetches it again. */
async function loadDecoder(): Promise<void> {
  try {
    await prepareZXingModule({ overrides: ZXING_OVERRIDES, fireImmediately: true });
  } catch (error) {
    purgeZXingModule();
    // The purge also dropped our overrides: put them back before anything loads again.
    setZXingModuleOverrides(ZXING_OVERRIDES);
    throw error;
  }
}

/** The rear camera where there is one (phones, tablets); any camera otherwise (a kiosk's webcam). */
async function openCamera(): Promise<MediaStream> {
  const preferred: MediaStreamConstraints = {
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  };
  try {
    return await navigator.mediaDevices.getUserMedia(preferred);
  } catch (error) {
    // 'ideal' never rules a camera out, but older WebViews refuse the constraints themselves
    // (TypeError, OverconstrainedError): then any camera at all.
    const refusedConstraints = error instanceof TypeError || (error instanceof DOMException && error.name === 'OverconstrainedError');
    if (refusedConstraints) return navigator.mediaDevices.getUserMedia({ audio: false, video: true });
    throw error;
  }
}

/** getUserMedia's DOMException names, in the words the page shows. */
function cameraErrorCode(error: unknown): ScannerErrorCode {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'camera-busy';
    default:
      return 'camera-failed';
  }
}

export function createQrScanner(options: QrScannerOptions): QrScanner {
  const { video, onScan, repeatWindowMs = 2500, intervalMs = 100 } = options;
  const repeats = createRepeatFilter(repeatWindowMs);
  let state: ScannerState = 'idle';
  let paused = false;
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let facingMode = '';
  // Each start() gets a number; a stop() or a newer start() makes older async steps give up.
  let run = 0;

  const setState = (next: ScannerState) => {
    state = next;
    options.onState?.(next);
  };
  const fail = (code: ScannerErrorCode, cause: unknown) => {
    release();
    setState('error');
    options.onError?.(code, cause);
  };

  function release(): void {
    run += 1;
    clearTimeout(timer);
    timer = undefined;
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
  }

  async function start(): Promise<void> {
    release();
    const mine = run;
    setState('starting');
    // getUserMedia exists only in a secure context (https, or localhost).
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) return fail('insecure-context', null);

    // Fetch and compile the decoder while the camera opens: both take a few hundred ms.
    const decoderReady = loadDecoder().then(
      () => null,
      (error: unknown) => error ?? new Error('decoder failed'),
    );
    let opened: MediaStream;
    try {
      opened = await openCamera();
    } catch (error) {
      if (mine === run) fail(cameraErrorCode(error), error);
      return;
    }
    if (mine !== run) {
      for (const track of opened.getTracks()) track.stop();
      return;
    }
    stream = opened;
    const track = opened.getVideoTracks()[0];
    facingMode = track?.getSettings().facingMode ?? '';
    // An unplugged USB camera ends its track: say so rather than freeze on the last frame.
    track?.addEventListener('ended', () => {
      if (mine === run) fail('no-camera', null);
    });

    // Kiosk browsers may block autoplay; a muted inline video is always allowed to play.
    video.muted = true;
    video.playsInline = true;
    video.srcObject = opened;
    try {
      await video.play();
    } catch (error) {
      // play() is interrupted when stop() clears srcObject meanwhile: not an error then.
      if (mine === run) fail('camera-failed', error);
      return;
    }
    const decoderError = await decoderReady;
    if (mine !== run) return;
    if (decoderError) return fail('decoder-unavailable', decoderError);

    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    setState('scanning');

    // One decode at a time, then a short rest: never a queue of frames behind a slow decode.
    const tick = async () => {
      if (mine !== run) return;
      if (!paused && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
        try {
          const codes = await detector.detect(video);
          if (mine !== run) return;
          for (const code of codes) if (code.rawValue && !paused && repeats.accept(code.rawValue)) onScan(code.rawValue);
        } catch (error) {
          // NotSupportedError: the decoder itself broke. Anything else (a frame not ready) passes.
          if (error instanceof DOMException && error.name === 'NotSupportedError') return fail('decoder-unavailable', error);
        }
      }
      if (mine === run) timer = setTimeout(tick, intervalMs);
    };
    void tick();
  }

  return {
    start,
    stop() {
      release();
      setState('idle');
    },
    setPaused(next) {
      paused = next;
    },
    get state() {
      return state;
    },
    get facingMode() {
      return facingMode;
    },
  };
}
