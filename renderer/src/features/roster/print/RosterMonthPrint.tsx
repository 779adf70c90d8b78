import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { daysFrom, POSTS } from '../../../../../shared/domain/duty';
import { useRpcQuery } from '../../../api/hooks';
import { ListTable, PrintFrame, SheetFoot, SheetHead, Signatures } from '../../../components/print';
import { monthOf, weekday } from '../days';
import './roster-print.css';

/**
 * 排班表, A4 landscape: a month, a row a day, a column a shift, each cell the posts and who fills them. `?as=published`
 * prints the roster as published; the default is as worked (changes applied), which is what the month's file keeps.
 */
export function RosterMonthPrint() {
  const { t } = useTranslation();
  const month = useParams().month!;
  const [search] = useSearchParams();
  const asPublished = search.get('as') === 'published';
  const range = monthOf(`${month}-01`);
  const view = useRpcQuery('roster.get', range);
  const settings = useRpcQuery('settings.get', {});
  const shifts = settings.data?.shifts ?? [];
  const standing = (view.data?.assignments ?? []).filter((a) => (asPublished ? a.addedBy === null : a.removedBy === null));
  const published = new Set((view.data?.published ?? []).map((p) => p.day));
  const rows = daysFrom(range.from, range.to).map((day) => [
    `${day.slice(5)} ${t(`roster.weekdays.${weekday(day)}`)}${published.has(day) ? '' : ` ${t('roster.print.draftMark')}`}`,
    ...shifts.map((s) =>
      POSTS.map((p) => {
        const names = standing.filter((a) => a.day === day && a.shift === s.code && a.post === p).map((a) => a.staff.name);
        return names.length ? `${t(`roster.postShort.${p}`)}：${names.join('、')}` : '';
      })
        .filter(Boolean)
        .join('　'),
    ),
  ]);
  const title = t('roster.print.title');
  const rest = `${Math.floor(72 / Math.max(shifts.length, 1))}%`;
  return (
    <PrintFrame docTitle={`${title} ${month}`} backTo="/roster" ready={!!view.data && !!settings.data}>
      <div className="roster-month-print">
        <SheetHead title={title} left={t('roster.print.month', { month })} right={asPublished ? t('roster.print.asPublished') : t('roster.print.asWorked')} />
        <ListTable title={t('roster.print.month', { month })} heads={[t('roster.day'), ...shifts.map((s) => `${s.name} ${s.start}–${s.end}`)]}
          widths={['12%', ...shifts.map(() => rest)]} rows={rows} empty={t('roster.print.none')} />
        <Signatures labels={[t('roster.print.maker'), t('roster.print.leader')]} />
        <SheetFoot />
      </div>
    </PrintFrame>
  );
}
