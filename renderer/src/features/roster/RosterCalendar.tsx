import { CopyOutlined, LeftOutlined, PlusOutlined, PrinterOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Col, Dropdown, Row, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { RosterAssignment } from '../../../../shared/contract/roster';
import { addDays, daysFrom, POSTS, type ShiftTemplate } from '../../../../shared/domain/duty';
import { isCalendarDate } from '../../../../shared/domain/calendar';
import { stationDay } from '../../../../shared/domain/time';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { PeriodExportButton } from '../../components/export';
import { LoadError } from '../../components/LoadError';
import { errorText } from '../../components/serverErrors';
import { ChangesList } from './ChangesList';
import { CoveragePanel } from './CoveragePanel';
import { mondayOf, monthOf, shiftMonth, weekday } from './days';
import { PublishModal } from './PublishModal';
import { AssignModal, ChangeModal, type ChangeKind, type Slot } from './RosterModals';

type Mode = 'week' | 'month';
const postOrder = (a: RosterAssignment, b: RosterAssignment) => POSTS.indexOf(a.post) - POSTS.indexOf(b.post) || a.staff.name.localeCompare(b.staff.name);

/** The roster calendar, a week or a month, with the coverage check beside it. */
export function RosterCalendar() {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const { message } = App.useApp();
  const today = stationDay(Date.now(), info.timeZone);
  const [mode, setMode] = useState<Mode>('week');
  // ?day=YYYY-MM-DD opens the week of that day (a coverage gap's line in the handover or on the board links here).
  const asked = useSearchParams()[0].get('day');
  const [anchor, setAnchor] = useState(asked && isCalendarDate(asked) ? asked : today);
  const range = mode === 'week' ? { from: mondayOf(anchor), to: addDays(mondayOf(anchor), 6) } : monthOf(anchor);
  const view = useRpcQuery('roster.get', range);
  const settings = useRpcQuery('settings.get', {});
  const unassign = useRpcMutation('roster.unassign');
  const copyWeek = useRpcMutation('roster.copyWeek');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [change, setChange] = useState<{ kind: ChangeKind; a: RosterAssignment } | null>(null);
  const [publish, setPublish] = useState(false);
  const write = (info.permissions as string[]).includes('roster.write');
  if (view.error) return <LoadError error={view.error} />;

  const v = view.data;
  const shifts: ShiftTemplate[] = settings.data?.shifts ?? [];
  const published = new Set((v?.published ?? []).map((p) => p.day));
  const gapDays = new Set((v?.check.gaps ?? []).map((g) => g.day));
  const days = daysFrom(range.from, range.to);
  const unpublished = days.filter((d) => !published.has(d));
  const move = (n: number) => setAnchor(mode === 'week' ? addDays(anchor, 7 * n) : shiftMonth(anchor, n));
  const fail = (r: { ok: boolean; error?: unknown }) => !r.ok && void message.error(errorText(r.error as never, t));

  const cell = (day: string, shift: ShiftTemplate) => {
    const here = (v?.assignments ?? []).filter((a) => a.day === day && a.shift === shift.code).sort(postOrder);
    const isPublished = published.has(day);
    return (
      <div className="roster-cell" data-testid={`cell-${day}-${shift.code}`}>
        {here.map((a) => {
          const removed = a.removedBy !== null;
          const tag = (
            <Tag key={a.id} color={removed ? undefined : a.addedBy !== null ? 'purple' : a.post === 'leader' ? 'gold' : 'blue'} className={removed ? 'roster-removed' : undefined}
              closable={write && !isPublished} onClose={(e) => (e.preventDefault(), void unassign.mutateAsync({ assignmentId: a.id }).then(fail))}>
              {t(`roster.postShort.${a.post}`)} {a.staff.name}
            </Tag>
          );
          if (!write || !isPublished || removed) return tag;
          return (
            <Dropdown key={a.id} trigger={['click']} menu={{
              items: (['replace', 'swap', 'sickLeave'] as const).map((k) => ({ key: k, label: t(`roster.change.${k}`) })),
              onClick: (e) => setChange({ kind: e.key as ChangeKind, a }),
            }}>
              <span style={{ cursor: 'pointer' }}>{tag}</span>
            </Dropdown>
          );
        })}
        {write && (
          <Tooltip title={isPublished ? t('roster.assign.coverTitle') : t('roster.assign.title')}>
            <Button size="small" type="text" icon={<PlusOutlined />} aria-label={t('roster.assign.title')} onClick={() => setSlot({ day, shift, published: isPublished })} />
          </Tooltip>
        )}
      </div>
    );
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Mode> value={mode} onChange={setMode} options={[{ value: 'week', label: t('roster.week') }, { value: 'month', label: t('roster.month') }]} />
        <Button icon={<LeftOutlined />} onClick={() => move(-1)} aria-label={t('roster.prev')} />
        <Typography.Text strong data-testid="roster-range">{mode === 'week' ? `${range.from} – ${range.to}` : range.from.slice(0, 7)}</Typography.Text>
        <Button icon={<RightOutlined />} onClick={() => move(1)} aria-label={t('roster.next')} />
        <Button onClick={() => setAnchor(today)}>{t('roster.today')}</Button>
        {write && mode === 'week' && (
          <Button icon={<CopyOutlined />} loading={copyWeek.isPending} onClick={() => void copyWeek.mutateAsync({ weekStart: range.from }).then((r) => (r.ok ? void message.success(t('roster.copied', { n: r.value.ids.length, skipped: r.value.skipped.length })) : fail(r)))}>
            {t('roster.copyWeek')}
          </Button>
        )}
        {write && unpublished.length > 0 && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setPublish(true)} data-testid="roster-publish">{t('roster.publish.button')}</Button>
        )}
        <Link to={`/print/roster/${range.from.slice(0, 7)}`}><Button icon={<PrinterOutlined />}>{t('roster.printMonth')}</Button></Link>
        <PeriodExportButton procedure="roster.export" title={t('roster.export')} timeZone={info.timeZone} />
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Table
            size="small"
            bordered
            rowKey={(d) => d}
            loading={view.isLoading}
            dataSource={days}
            pagination={false}
            sticky
            columns={[
              {
                title: t('roster.day'),
                width: 120,
                render: (_, d: string) => (
                  <div className={d === today ? 'roster-today' : undefined}>
                    <div>{d.slice(5)} {t(`roster.weekdays.${weekday(d)}`)}</div>
                    {published.has(d) ? <Tag color="green">{t('roster.published')}</Tag> : <Tag>{t('roster.draft')}</Tag>}
                    {gapDays.has(d) && <Tag color="red">{t('roster.hasGap')}</Tag>}
                  </div>
                ),
              },
              ...shifts.map((s) => ({ key: s.code, title: `${s.name} ${s.start}–${s.end}`, render: (_: unknown, d: string) => cell(d, s) })),
            ]}
          />
          <ChangesList changes={v?.changes ?? []} publications={v?.publications ?? []} />
        </Col>
        <Col xs={24} xl={7}>
          <CoveragePanel check={v?.check} />
        </Col>
      </Row>
      <AssignModal slot={slot} onClose={() => setSlot(null)} />
      <ChangeModal kind={change?.kind ?? null} assignment={change?.a ?? null} others={v?.assignments ?? []} onClose={() => setChange(null)} />
      <PublishModal range={publish && unpublished.length ? { from: unpublished[0]!, to: unpublished.at(-1)! } : null} check={v?.check} onClose={() => setPublish(false)} />
    </>
  );
}
