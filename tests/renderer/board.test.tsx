import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import '../../renderer/src/i18n';
import { preloadPages } from '../../renderer/src/app/feature';
import { FEATURES } from '../../renderer/src/app/features';
import { BOARD_FIRST_LINES, BOARD_LISTS, type BoardLine, type BoardListKey, type TodayBoard } from '../../shared/contract/intake';
import type { Result } from '../../shared/domain/result';
import { renderApp } from './fake-main';

// The feature pages are lazy chunks: load them once, so no test's first wait covers a chunk's import.
beforeAll(() => preloadPages(FEATURES), 120_000);


/** 45 people with belongings still in custody: more than the board carries and more than one page of "all". */
const CUSTODY = 45;
const custodyLine = (i: number): BoardLine => ({ stayId: 1000 + i, personId: 500 + i, name: `保管${String(i).padStart(2, '0')}`, description: null, owner: '李明', detail: '2', at: 1_784_530_800_000 + i * 60_000 });
const allCustody = Array.from({ length: CUSTODY }, (_, i) => custodyLine(i));

/** The board and its "all" page, signed in at the front desk; every boardList call is kept, with its input. */
function renderBoard() {
  const empty = { count: 0, lines: [] };
  const board = {
    today: '2026-07-20',
    zones: [{ id: 1, name: '男宿区', beds: 12, occupied: 11 }],
    residents: 11,
    ...Object.fromEntries(BOARD_LISTS.map((k) => [k, empty])),
    openCustody: { count: CUSTODY, lines: allCustody.slice(0, BOARD_FIRST_LINES) },
    familySearchDue: { count: 1, lines: [{ stayId: 7, personId: 70, name: null, description: '约16岁男孩，蓝色上衣', owner: '孙伟', detail: 'police_dna:overdue', at: 1_784_530_800_000 }] },
  } as TodayBoard;
  const fake = renderApp('#/intake', 'front_desk', '李明', {
    'intake.board': board,
    'intake.boardList': (q: { list: BoardListKey; offset: number; limit: number }): Result<unknown> => {
      const list = q.list === 'openCustody' ? allCustody : [];
      return { ok: true, value: { count: list.length, lines: list.slice(q.offset, q.offset + q.limit) } };
    },
  });
  return { pages: () => fake.of('intake.boardList') };
}

beforeEach(() => sessionStorage.clear());

describe('today’s board at a large station', () => {
  it('shows each list’s count and only its first lines, with "all" for the rest', async () => {
    renderBoard();
    const card = await screen.findByTestId('board-openCustody');
    expect(await within(card).findByText('保管00')).toBeInTheDocument();
    expect(within(card).getByTestId('count-openCustody')).toHaveTextContent(String(CUSTODY));
    expect(card.querySelectorAll('.board-line')).toHaveLength(BOARD_FIRST_LINES);
    expect(within(card).queryByText(`保管${BOARD_FIRST_LINES}`)).toBeNull();
    expect(within(card).getByTestId('all-openCustody')).toHaveTextContent(String(CUSTODY));
    // A list that shows every line it has offers no "all".
    expect(within(screen.getByTestId('board-familySearchDue')).queryByTestId('all-familySearchDue')).toBeNull();
  });

  it('shows a family-search line’s task and its state in words, and an unnamed person by description', async () => {
    renderBoard();
    const card = await screen.findByTestId('board-familySearchDue');
    expect(await within(card).findByText(/约16岁男孩，蓝色上衣/)).toBeInTheDocument();
    expect(within(card).getByText(/已逾期/)).toBeInTheDocument();
  });

  it('pages "all" from the main process, twenty at a time, and a row opens its stay', async () => {
    const main = renderBoard();
    await userEvent.click(await screen.findByTestId('all-openCustody'));
    const table = await screen.findByTestId('board-list-table');
    expect(await within(table).findByText('保管00')).toBeInTheDocument();
    expect(within(table).getByText('保管19')).toBeInTheDocument();
    expect(within(table).queryByText('保管20')).toBeNull();
    expect(main.pages().at(-1)).toEqual({ list: 'openCustody', offset: 0, limit: 20 });

    await userEvent.click(screen.getByTitle('3'));
    expect(await within(table).findByText('保管40')).toBeInTheDocument();
    expect(within(table).getByText('保管44')).toBeInTheDocument();
    expect(within(table).queryByText('保管39')).toBeNull();
    expect(main.pages().at(-1)).toEqual({ list: 'openCustody', offset: 40, limit: 20 });

    await userEvent.click(within(table).getByText('保管42'));
    await waitFor(() => expect(window.location.hash).toBe('#/intake/stay/1042'));
  });
});
