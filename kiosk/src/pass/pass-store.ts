import type { RegisterReply } from '../../../shared/visitors.ts';

/** The visitor's pass, kept on their phone so the pass page opens again without the network. */
const KEY = 'eventday.visitor.pass';

export const passStore = {
  get(): RegisterReply | null {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as RegisterReply | null;
      return saved && typeof saved.pass === 'string' ? saved : null;
    } catch {
      return null;
    }
  },
  set: (reply: RegisterReply) => localStorage.setItem(KEY, JSON.stringify(reply)),
  clear: () => localStorage.removeItem(KEY),
};
