import { Alert, Card, List, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CoverageGap, RosterCheck, RosterConflict } from '../../../../shared/contract/roster';

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** A gap in words; `until`, the last hour of a run of hours with the same gap. */
export function gapText(t: TFunction, g: CoverageGap, until?: CoverageGap): string {
  const when = g.hour !== null ? (until && until.hour !== g.hour ? `${hh(g.hour)}–${hh(until.hour! + 1)}` : hh(g.hour)) : g.shift !== null ? t('roster.check.shift', { shift: g.shift }) : t('roster.check.wholeDay');
  return t('roster.check.gap', { day: g.day.slice(5), when, post: t(`roster.posts.${g.post}`), have: g.have, need: g.need });
}

export function conflictText(t: TFunction, c: RosterConflict): string {
  const detail = c.kind === 'unqualified' ? (c.detail === 'inactive' ? t('roster.check.inactive') : t(`roster.posts.${c.detail}`)) : c.detail;
  return t(`roster.check.conflict.${c.kind}`, { name: c.staff.name, days: c.days.map((d) => d.slice(5)).join('、'), detail });
}

/** Hours in a row at one post on one day read as one gap: "03:00–07:00 front desk 0/1" rather than five lines. */
export function runs(gaps: readonly CoverageGap[]): { first: CoverageGap; last: CoverageGap }[] {
  const out: { first: CoverageGap; last: CoverageGap }[] = [];
  for (const g of gaps) {
    const prev = out.at(-1);
    if (prev && g.hour !== null && prev.last.hour !== null && prev.last.day === g.day && prev.last.post === g.post && prev.last.hour + 1 === g.hour && prev.last.have === g.have) prev.last = g;
    else out.push({ first: g, last: g });
  }
  return out;
}

/** The coverage check beside the calendar: every gap (day, hour, post) and every conflict, as the main process found them. */
export function CoveragePanel({ check }: { check: RosterCheck | undefined }) {
  const { t } = useTranslation();
  if (!check) return null;
  const clean = check.gaps.length === 0 && check.conflicts.length === 0;
  const gapRuns = runs(check.gaps);
  return (
    <Card size="small" title={t('roster.check.title')} data-testid="coverage-panel" styles={{ body: { maxHeight: 560, overflowY: 'auto' } }}>
      {clean ? (
        <Alert type="success" showIcon title={t('roster.check.clean')} />
      ) : (
        <>
          <Typography.Paragraph>
            <Tag color={check.gaps.length ? 'red' : 'green'}>{t('roster.check.gaps', { n: gapRuns.length })}</Tag>
            <Tag color={check.conflicts.length ? 'orange' : 'green'}>{t('roster.check.conflicts', { n: check.conflicts.length })}</Tag>
          </Typography.Paragraph>
          {gapRuns.length > 0 && (
            <List size="small" header={<b>{t('roster.check.gapsTitle')}</b>} dataSource={gapRuns} data-testid="coverage-gaps"
              renderItem={({ first, last }) => (
                <List.Item style={{ paddingInline: 0 }}>
                  {gapText(t, first, last)}
                </List.Item>
              )} />
          )}
          {check.conflicts.length > 0 && (
            <List size="small" header={<b>{t('roster.check.conflictsTitle')}</b>} dataSource={check.conflicts}
              renderItem={(c) => <List.Item style={{ paddingInline: 0 }}>{conflictText(t, c)}</List.Item>} />
          )}
        </>
      )}
    </Card>
  );
}
