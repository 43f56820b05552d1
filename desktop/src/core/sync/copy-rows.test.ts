// COPY must write exactly what the JSON path writes, whatever the text holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { copyUpsert, type ColumnType } from './copy-rows.js';

const columns: ColumnType[] = [
  { name: 'id', json: false, array: false },
  { name: 'title', json: false, array: false },
  { name: 'cents', json: false, array: false },
  { name: 'open', json: false, array: false },
  { name: 'tags', json: false, array: true },
  { name: 'details', json: true, array: false },
  { name: 'at', json: false, array: false },
];

const awkward = [
  'plain',
  'with "double" quotes',
  "it's",
  'comma, separated',
  'line\nbreak',
  'back\\slash',
  '',
  'NULL',
  'émoji 🎸 and ümlauts',
  '{braces}',
];

describe('copyUpsert', () => {
  let db: PGlite;

  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec(`
      CREATE SCHEMA synced; CREATE TABLE synced.shows (id text PRIMARY KEY, title text, cents bigint, open boolean, tags text[], details jsonb, at timestamptz);
      CREATE TABLE expected (LIKE synced.shows)`);
  });
  afterAll(() => db.close());

  it('writes awkward text, NULLs, int8, booleans, arrays and JSON exactly as a JSON insert does', async () => {
    const rows = awkward.map((text, i) => ({
      id: `row-${i}`,
      title: text,
      cents: i % 3 === 0 ? null : '9007199254740993',
      open: i % 2 === 0,
      tags: i % 4 === 0 ? null : [text, null, 'x,y', 'q"uote'],
      details: i % 2 === 0 ? [{ atTickets: 1500, note: text }] : { nested: { text } },
      at: '2027-04-01 20:00:00+00',
    }));
    await db.transaction((tx) => copyUpsert(tx, 'shows', columns, rows));
    await db.query('INSERT INTO expected SELECT * FROM json_populate_recordset(NULL::expected, $1)', [
      JSON.stringify(rows),
    ]);
    const copied = await db.query('SELECT * FROM synced.shows ORDER BY id');
    const inserted = await db.query('SELECT * FROM expected ORDER BY id');
    expect(copied.rows).toEqual(inserted.rows);
    expect(copied.rows).toHaveLength(awkward.length);
  });

  it('updates rows that are already there instead of failing on the key', async () => {
    await db.transaction((tx) =>
      copyUpsert(tx, 'shows', columns, [
        { id: 'row-1', title: 'renamed', cents: '5', open: true, tags: [], details: {}, at: null },
      ]),
    );
    const [row] = (
      await db.query<{ title: string; tags: string[]; at: unknown }>(`SELECT * FROM synced.shows WHERE id = 'row-1'`)
    ).rows;
    expect(row).toMatchObject({ title: 'renamed', tags: [], at: null });
  });
});
