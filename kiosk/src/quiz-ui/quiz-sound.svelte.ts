/**
 * Short tones for the quiz, made on the device with WebAudio (no sound files to fetch): a
 * rising two-note chime for a right answer, a soft falling pair for a wrong one, a low double
 * beep when the time ran out, and a fanfare at the end. Muting is remembered on the kiosk.
 */
const MUTED_KEY = 'eventday.kiosk.quiz.muted';

export type QuizTone = 'right' | 'wrong' | 'timeup' | 'finish';

/** [frequency in Hz, start in s, length in s] per note. */
const TONES: Record<QuizTone, [number, number, number][]> = {
  right: [
    [784, 0, 0.12],
    [1175, 0.12, 0.22],
  ],
  wrong: [
    [392, 0, 0.16],
    [294, 0.18, 0.26],
  ],
  timeup: [
    [330, 0, 0.12],
    [330, 0.2, 0.12],
  ],
  finish: [
    [523, 0, 0.12],
    [659, 0.13, 0.12],
    [784, 0.26, 0.12],
    [1047, 0.39, 0.3],
  ],
};

let audio: AudioContext | undefined;
let muted = $state(readMuted());

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}

export const quizSound = {
  get muted() {
    return muted;
  },
  toggle(): void {
    muted = !muted;
    try {
      if (muted) localStorage.setItem(MUTED_KEY, '1');
      else localStorage.removeItem(MUTED_KEY);
    } catch {
      // A kiosk without storage still mutes until it reloads.
    }
  },
  play(tone: QuizTone): void {
    if (muted) return;
    try {
      audio ??= new AudioContext();
      if (audio.state === 'suspended') void audio.resume();
      const now = audio.currentTime;
      for (const [frequency, start, length] of TONES[tone]) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = tone === 'wrong' || tone === 'timeup' ? 'triangle' : 'sine';
        oscillator.frequency.value = frequency;
        // A quick fade in and out: a tone, not a click.
        gain.gain.setValueAtTime(0.0001, now + start);
        gain.gain.exponentialRampToValueAtTime(0.22, now + start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + start + length);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(now + start);
        oscillator.stop(now + start + length + 0.02);
      }
    } catch {
      // No sound device: the colours and words say it all.
    }
  },
};
