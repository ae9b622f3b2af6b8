import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { LIAISON_COLUMNS, type LiaisonContact } from '../../shared/liaison.ts';

/** Member units of a district safety committee, as a liaison list names them. */
const UNITS = [
  '区应急管理局',
  '区消防救援支队',
  '区公安分局',
  '区交通局',
  '区教委',
  '区卫生健康委',
  '区市场监管局',
  '区住房城乡建设委',
  '区城市管理委',
  '区民政局',
  '区商务局',
  '区文化和旅游局',
  '区农业农村局',
  '区水务局',
  '区生态环境局',
  '区司法局',
  '区总工会',
  '团区委',
  '区妇联',
  '区科协',
  '区气象局',
  '区园林绿化局',
  '区经济和信息化局',
  '区体育局',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英'];

/** The i-th liaison person: a unit (24 distinct, then numbered ones), a name, a unique mobile number. */
export function liaisonPerson(index: number, prefix = '139'): LiaisonContact {
  const unit = index < UNITS.length ? UNITS[index]! : `第${index + 1}成员单位`;
  return {
    unit,
    department: '安全科',
    name: `${SURNAMES[index % SURNAMES.length]}${GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length]}`,
    title: '科长',
    mobile: `${prefix}${String(10000000 + index).slice(-8)}`,
    officePhone: `010-6954${String(1000 + index).slice(-4)}`,
    wechat: `wx_${index}`,
    fax: '',
    email: `liaison${index}@example.cn`,
  };
}

export const liaisonPeople = (count: number, prefix?: string) => Array.from({ length: count }, (_, index) => liaisonPerson(index, prefix));

type Cells = (string | number)[];

/** The plan's attachment as units fill it: a title row, a 序号 column, then the nine columns. */
export async function liaisonWorkbook(people: LiaisonContact[], options: { columns?: string[]; rows?: Cells[] } = {}): Promise<Buffer> {
  const columns = options.columns ?? LIAISON_COLUMNS.map((column) => column.zh);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('附件1');
  sheet.addRow(['附件1  安全宣传咨询日活动联络员名单']);
  sheet.addRow(['序号', ...columns]);
  const rows = options.rows ?? people.map((person) => columnsOf(person, columns));
  rows.forEach((cells, index) => sheet.addRow([index + 1, ...cells]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function columnsOf(person: LiaisonContact, columns: string[]): Cells {
  return columns.map((zh) => {
    const column = LIAISON_COLUMNS.find((one) => one.zh === zh);
    return column ? person[column.key] : '';
  });
}

/** The same list as CSV text (header first), for UTF-8 or GBK files. */
export function liaisonCsv(
  people: LiaisonContact[],
  rows: Cells[] = people.map((person) =>
    columnsOf(
      person,
      LIAISON_COLUMNS.map((c) => c.zh),
    ),
  ),
): string {
  const field = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  return [LIAISON_COLUMNS.map((column) => column.zh), ...rows].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * A ZIP that looks like a workbook and inflates to `inflatedBytes` of zeros (a few hundred
 * kilobytes on the wire). With `lie`, its size fields claim 1 kB, as a crafted bomb's do.
 */
export function zipBomb(inflatedBytes: number, lie = false): Buffer {
  const data = zlib.deflateRawSync(Buffer.alloc(inflatedBytes), { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const size = lie ? 1024 : inflatedBytes;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
