/**
 * npm run visitors:erase — after the event, deletes every visitor's real name, mobile number and
 * unit from the store at DATA_DIR (the same as the console's button); counts and check-ins stay.
 */
import { configFromEnv } from '../server/config.ts';
import { openDatabase } from '../server/store/database.ts';
import { erasePersonalData } from '../server/visitors/erase-personal-data.ts';

const config = configFromEnv();
const db = openDatabase(config.dataDir);
const erased = erasePersonalData(db, { kind: 'system', id: 'cli', name: 'visitors:erase', ip: 'local' });
db.close();
console.log(`Personal data of ${erased} visitors deleted in ${config.dataDir}; anonymous counts kept.`);
