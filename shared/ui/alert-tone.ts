import type { EmergencyTone } from '../emergency.ts';

/**
 * The emergency's sound, made on the device with the Web Audio API (no audio file to fetch):
 * alarm and warning repeat a two-tone siren every few seconds until stopped; all-clear chimes
 * once. Returns a stop function. Browsers may hold audio back until a first touch: screens and
 * kiosks run Chromium with --autoplay-policy=no-user-gesture-required.
 */
export function startAlertTone(tone: EmergencyTone): { stop(): void; readonly playing: boolean } {
  let context: AudioContext | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    context = new AudioContext();
  } catch {
    return { stop() {}, playing: false };
  }
  const audio = context;

  const note = (frequency: number, at: number, length: number, volume = 0.25) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = frequency;
    // A short fade in and out: no clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(volume, at + 0.02);
    gain.gain.setValueAtTime(volume, at + length - 0.03);
    gain.gain.linearRampToValueAtTime(0, at + length);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + length);
  };

  if (tone === 'clear') {
    [523, 659, 784].forEach((frequency, index) => note(frequency, audio.currentTime + 0.05 + index * 0.3, 0.5, 0.18));
  } else {
    const [high, low] = tone === 'alarm' ? [960, 720] : [780, 620];
    const siren = () => {
      for (let step = 0; step < 6; step++) note(step % 2 ? low : high, audio.currentTime + 0.05 + step * 0.35, 0.33);
    };
    siren();
    timer = setInterval(siren, 4000);
  }
  void audio.resume().catch(() => undefined);

  return {
    stop() {
      clearInterval(timer);
      void audio.close().catch(() => undefined);
    },
    get playing() {
      return audio.state === 'running';
    },
  };
}
