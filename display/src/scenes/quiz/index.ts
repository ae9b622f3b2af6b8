import { liveFeed } from '../../../../shared/client/feeds.ts';
import { sceneEntry } from '../scene-entry.ts';
import LiveQuizScene from './LiveQuizScene.svelte';
import QuizForm from './QuizForm.svelte';

/** A live quiz session as the hall sees it: lobby, question, reveal, leaderboard, podium. */
export const quizScene = sceneEntry({
  kind: 'quiz',
  view: LiveQuizScene,
  feed: (scene) => liveFeed(scene.sessionId),
  form: QuizForm,
  blank: () => ({ kind: 'quiz', sessionId: '' }),
  tidy: (scene) => ({ kind: 'quiz', sessionId: scene.sessionId.trim() }),
});
