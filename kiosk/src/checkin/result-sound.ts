/** A short tone per result (high for welcome, two mid for again, low for invalid), made on the device. */
let audio: AudioContext | undefined;

export function playResultSound(result: 'welcome' | 'again' | 'invalid'): void {
  try {
    audio ??= new AudioContext();
    const tones = { welcome: [880], again: [660, 660], invalid: [220] }[result];
    tones.forEach((frequency, index) => {
      const oscillator = audio!.createOscillator();
      const gain = audio!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.2;
      oscillator.connect(gain).connect(audio!.destination);
      const start = audio!.currentTime + index * 0.18;
      oscillator.start(start);
      oscillator.stop(start + 0.14);
    });
  } catch {
    // No sound device: the colour and text still say it all.
  }
}
