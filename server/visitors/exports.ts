import type { ExportKind } from '../../shared/visitors.ts';
import ExcelJS from 'exceljs';
import type { Db } from '../store/database.ts';
import { maskMobile, maskName } from '../../shared/masking.ts';
import { safeRow } from '../web/spreadsheet-cells.ts';

interface Sheet {
  columns: string[];
  rows: (string | number | null | undefined)[][];
}

const time = (at: number | null) => (at === null ? null : new Date(at + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19));

/**
 * The organisers' lists. Names and numbers in full only for admins (`withPersonalData`); others
 * get them masked, as screens show them.
 */
function sheetOf(db: Db, kind: ExportKind, venueId: string | null, withPersonalData: boolean): Sheet {
  const name = (value: string | null) => (value && !withPersonalData ? maskName(value) : value);
  const mobile = (value: string | null) => (value && !withPersonalData ? maskMobile(value) : value);
  if (kind === 'registrations') {
    const rows = db
      .prepare('SELECT short_code, nickname, real_name, mobile, unit, under_14, registered_via, created_at FROM visitors ORDER BY created_at')
      .all() as Record<string, string | number | null>[];
    return {
      columns: ['通行证号 Pass', '昵称 Nickname', '姓名 Name', '手机 Mobile', '单位 Unit', '未满14岁 Under 14', '登记方式 Via', '登记时间 Registered (UTC+8)'],
      rows: rows.map((r) => [
        r.short_code!,
        r.nickname!,
        name(r.real_name as string | null),
        mobile(r.mobile as string | null),
        r.unit,
        r.under_14 ? '是' : '',
        r.registered_via!,
        time(r.created_at as number),
      ]),
    };
  }
  const rows = db
    .prepare(
      `SELECT s.scanned_at, s.received_at, c.venue_id, c.name AS checkpoint, s.device_id, s.result, s.reason, s.counted, s.conflict, s.offline,
              v.short_code, v.nickname, v.real_name, v.mobile
       FROM scans s JOIN checkpoints c ON c.id = s.checkpoint_id LEFT JOIN visitors v ON v.id = s.visitor_id
       WHERE (? IS NULL OR c.venue_id = ?) ORDER BY s.scanned_at`,
    )
    .all(venueId, venueId) as Record<string, string | number | null>[];
  return {
    columns: [
      '扫码时间 Scanned',
      '到达中控 Received',
      '会场 Venue',
      '签到点 Checkpoint',
      '设备 Device',
      '结果 Result',
      '原因 Reason',
      '计数 Counted',
      '冲突 Conflict',
      '离线 Offline',
      '通行证号 Pass',
      '昵称 Nickname',
      '姓名 Name',
      '手机 Mobile',
    ],
    rows: rows.map((r) => [
      time(r.scanned_at as number),
      time(r.received_at as number),
      r.venue_id,
      r.checkpoint,
      r.device_id,
      r.result,
      r.reason,
      r.counted ? 1 : 0,
      r.conflict ? 1 : 0,
      r.offline ? 1 : 0,
      r.short_code,
      r.nickname,
      name(r.real_name as string | null),
      mobile(r.mobile as string | null),
    ]),
  };
}

export async function exportFile(db: Db, kind: ExportKind, format: 'xlsx' | 'csv', venueId: string | null, withPersonalData: boolean): Promise<Buffer> {
  const sheet = sheetOf(db, kind, venueId, withPersonalData);
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(kind);
  worksheet.addRow(sheet.columns).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(safeRow(row));
  const buffer = format === 'xlsx' ? await workbook.xlsx.writeBuffer() : await workbook.csv.writeBuffer();
  // A byte-order mark so Excel on a Chinese Windows opens the CSV as UTF-8.
  return format === 'csv' ? Buffer.concat([Buffer.from('\ufeff'), Buffer.from(buffer)]) : Buffer.from(buffer);
}
