import { appConfig } from '../vite.apps.ts';

export default appConfig('display');
