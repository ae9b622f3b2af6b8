import { EVENT_LIMITS, type EventSetup } from '../../shared/event.ts';
import { SNIFF_BYTES, sniffMedia } from '../media/media-sniff.ts';

/** Whether YYYY-MM-DD names a real calendar day (not 2027-02-30). */
export function isRealDay(day: string): boolean {
  const at = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day;
}

/** The setup as stored: texts trimmed, then checked beyond what the schema can say. */
export function checkEventSetup(input: EventSetup): { ok: true; setup: EventSetup } | { ok: false; problems: string[] } {
  const trim = (text: string) => text.trim();
  const setup: EventSetup = {
    ...input,
    name: trim(input.name),
    nameEn: trim(input.nameEn),
    edition: trim(input.edition),
    editionEn: trim(input.editionEn),
    theme: trim(input.theme),
    themeEn: trim(input.themeEn),
    organiser: trim(input.organiser),
    organiserEn: trim(input.organiserEn),
    hotlines: input.hotlines.map((line) => ({ number: line.number, label: trim(line.label), labelEn: trim(line.labelEn) })),
  };
  const problems: string[] = [];
  if (!isRealDay(setup.day)) problems.push(`day ${setup.day} does not exist`);
  if (!setup.name) problems.push('the name is empty');
  if (!setup.organiser) problems.push('the organiser is empty');
  if (setup.hotlines.some((line) => !line.label)) problems.push('a hotline has no label');
  const numbers = setup.hotlines.map((line) => line.number);
  const twice = numbers.filter((number, index) => numbers.indexOf(number) !== index);
  if (twice.length > 0) problems.push(`hotline ${twice[0]} is listed twice`);
  return problems.length ? { ok: false, problems } : { ok: true, setup };
}

/** A logo is a PNG or JPEG of at most 1 MB, told by its first bytes (an SVG or a web page renamed .png is not). */
export function checkLogo(bytes: Buffer): { ok: true; type: 'png' | 'jpeg' } | { ok: false; code: 'EVENT_LOGO_TOO_BIG' | 'EVENT_LOGO_TYPE' } {
  if (bytes.length > EVENT_LIMITS.logoBytes) return { ok: false, code: 'EVENT_LOGO_TOO_BIG' };
  const type = sniffMedia(bytes.subarray(0, SNIFF_BYTES))?.type;
  return type === 'png' || type === 'jpeg' ? { ok: true, type } : { ok: false, code: 'EVENT_LOGO_TYPE' };
}
