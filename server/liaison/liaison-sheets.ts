import ExcelJS from 'exceljs';
import { LIAISON_COLUMNS, type LiaisonContact } from '../../shared/liaison.ts';
import { safeRow } from '../web/spreadsheet-cells.ts';

/** A new account's one-time password, for the sheet the admin prints and hands out. */
export interface OneTimePassword {
  username: string;
  name: string;
  unit: string;
  password: string;
}

/** The liaison list in the plan's layout (attachment 1), readable back by the import. */
export async function writeLiaisonList(contacts: LiaisonContact[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('联络员名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LIAISON_COLUMNS.map((column) => ({ header: column.zh, key: column.key, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  // Text cells, so Excel never shows a mobile number as 1.38001E+10.
  for (const column of ['mobile', 'officePhone', 'fax']) sheet.getColumn(column).numFmt = '@';
  for (const contact of contacts) sheet.addRow(safeRow(LIAISON_COLUMNS.map((column) => contact[column.key])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The one-time passwords as a sheet to print on A4 and cut into slips: big type, a ruled row per
 * person, the header repeated on every page, and where to sign in.
 */
export async function writePasswordSheet(passwords: OneTimePassword[], consoleAddress: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('一次性密码', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = [
    { header: '用户名', key: 'username', width: 14 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '单位名称', key: 'unit', width: 34 },
    { header: '一次性密码', key: 'password', width: 24 },
  ];
  const thin = { style: 'thin' } as const;
  for (const entry of passwords) sheet.addRow(safeRow([entry.username, entry.name, entry.unit, entry.password]));
  sheet.eachRow((row, line) => {
    row.height = 30;
    row.eachCell((cell, column) => {
      // The password in a monospaced face, so 0/O and 1/l could never be confused (none are used).
      cell.font = { size: 14, bold: line === 1, name: line > 1 && column === 4 ? 'Consolas' : undefined };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
    });
  });
  sheet.headerFooter.oddFooter = `&L登录 / sign in: ${consoleAddress}  首次登录须设置新密码 / set a new password at first sign-in&R&P / &N`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
