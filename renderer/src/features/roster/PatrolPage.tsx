import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, List, Radio, Row, Select, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FINDING_CATEGORIES, type CheckpointStatus, type FindingCategory } from '../../../../shared/contract/patrol';
import { stationDay } from '../../../../shared/domain/time';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { errorText } from '../../components/serverErrors';
import { useWhen } from '../../components/useWhen';
import { fieldMessage, formatInstant } from '../../i18n';
import { FollowUpList } from './FollowUpList';
import { emptyFollowUp, FollowUpFields, followUpInput, type FollowUpDraft } from './FollowUpFields';

/**
 * The patrol screen, scanner-first: the focus rests in the checkpoint code field, a scanner types the code and
 * Enter, and the round is recorded as normal. An issue is chosen before scanning (category, note, a follow-up task).
 */
export function PatrolPage() {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const at = useWhen();
  const short = useShortTime();
  const { message } = App.useApp();
  const today = stationDay(Date.now(), info.timeZone);
  const status = useRpcQuery('patrol.status', {});
  const staff = useRpcQuery('roster.staff', {});
  const record = useRpcMutation('patrol.record');
  const codeRef = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [finding, setFinding] = useState<'normal' | 'issue'>('normal');
  const [category, setCategory] = useState<FindingCategory | undefined>();
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState<FollowUpDraft>(emptyFollowUp);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [last, setLast] = useState<string | null>(null);
  const write = (info.permissions as string[]).includes('duty.write');
  useEffect(() => codeRef.current?.focus(), []);

  const submit = async () => {
    setErrors({});
    const r = await record.mutateAsync({
      code, finding,
      ...(finding === 'issue' ? { category, note: note || undefined, followUp: followUpInput(followUp, Date.now()) } : {}),
    } as never);
    if (r.ok) {
      setLast(t('roster.patrol.recorded', { name: r.value.checkpoint.name, at: at(r.value.at), finding: t(`roster.patrol.${r.value.finding}`) }));
      setCode(''); setFinding('normal'); setCategory(undefined); setNote(''); setFollowUp(emptyFollowUp);
    } else if (r.error.fields) setErrors(r.error.fields);
    else void message.error(errorText(r.error, t));
    codeRef.current?.focus();
  };
  const err = (k: string) => (errors[k] ? { validateStatus: 'error' as const, help: fieldMessage(errors[k]) } : {});
  const unplaced = Object.entries(errors).filter(([k]) => !['code', 'category', 'note'].includes(k));

  return (
    <Row gutter={16}>
      <Col xs={24} xl={9}>
        <Card size="small" title={t('roster.patrol.scanTitle')} style={{ marginBottom: 16 }}>
          {write ? (
            <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())} component="form">
              <Form.Item label={t('roster.patrol.code')} extra={t('roster.patrol.codeHint')} {...err('code')}>
                <Input ref={codeRef} className="scan-field" size="large" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" data-testid="scan-code" />
              </Form.Item>
              <Form.Item label={t('roster.patrol.finding')}>
                <Radio.Group value={finding} onChange={(e) => setFinding(e.target.value)} optionType="button"
                  options={[{ value: 'normal', label: t('roster.patrol.normal') }, { value: 'issue', label: t('roster.patrol.issue') }]} />
              </Form.Item>
              {finding === 'issue' && (
                <>
                  <Form.Item label={t('roster.patrol.category')} required {...err('category')}>
                    <Select value={category} onChange={setCategory} aria-label={t('roster.patrol.category')} options={FINDING_CATEGORIES.map((c) => ({ value: c, label: t(`roster.findings.${c}`) }))} />
                  </Form.Item>
                  <Form.Item label={t('roster.patrol.note')} {...err('note')}>
                    <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} />
                  </Form.Item>
                  <Form.Item label={t('roster.followUp.title')}>
                    <FollowUpFields value={followUp} onChange={setFollowUp} staff={staff.data ?? []} />
                  </Form.Item>
                </>
              )}
              {unplaced.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={unplaced.map(([, m]) => fieldMessage(m)).join('；')} />}
              <Button type="primary" htmlType="submit" loading={record.isPending}>{t('roster.patrol.record')}</Button>
            </Form>
          ) : (
            <Typography.Text type="secondary">{t('roster.readOnly')}</Typography.Text>
          )}
          {last && <Alert type="success" showIcon style={{ marginTop: 12 }} title={last} data-testid="patrol-last" />}
        </Card>
        <FollowUpList />
      </Col>
      <Col xs={24} xl={15}>
        <Card size="small" title={t('roster.patrol.board')} extra={<Link to={`/print/patrol-log/${today}`}><Button size="small" icon={<PrinterOutlined />}>{t('roster.patrol.printLog')}</Button></Link>}>
          {status.error ? <LoadError error={status.error} /> : (
            <Table<CheckpointStatus> size="small" rowKey={(s) => s.checkpoint.id} pagination={false} loading={status.isLoading} dataSource={status.data ?? []}
              columns={[
                { title: t('roster.patrol.checkpoint'), render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{s.checkpoint.name} <Typography.Text type="secondary" code>{s.checkpoint.code}</Typography.Text></span> },
                { title: t('roster.patrol.lastRound'), render: (_, s) => (s.lastRound ? <Space size={4} wrap>{short(s.lastRound.at)} {s.lastRound.walkedBy.name}{s.lastRound.finding === 'issue' && <Tag color="red">{t('roster.patrol.issue')}</Tag>}</Space> : '—') },
                { title: t('roster.patrol.slot'), render: (_, s) => (s.slot ? (s.slot.done ? <Tag color="green">{t('roster.patrol.done')}</Tag> : <Tag color="gold">{t('roster.patrol.dueBy', { at: short(s.slot.dueAt) })}</Tag>) : '—') },
                { title: t('roster.patrol.missed'), align: 'right', render: (_, s) => (s.missed ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{s.missed}</Tag> : 0) },
              ]} />
          )}
        </Card>
        <MissedToday day={today} />
      </Col>
    </Row>
  );
}

/** Today's missed rounds, as the handover and the patrol log show them: one line a checkpoint, with the hours missed. */
function MissedToday({ day }: { day: string }) {
  const { t } = useTranslation();
  const short = useShortTime();
  const log = useRpcQuery('patrol.log', { from: day, to: day });
  const missed = log.data?.missed ?? [];
  const groups = new Map<number, typeof missed>();
  for (const m of missed) groups.set(m.checkpoint.id, [...(groups.get(m.checkpoint.id) ?? []), m]);
  const byCheckpoint = [...groups.values()];
  return (
    <Card size="small" title={t('roster.patrol.missedToday', { n: missed.length })} style={{ marginTop: 16 }} data-testid="patrol-missed">
      {missed.length === 0 ? <Typography.Text type="secondary">{t('roster.patrol.noneMissed')}</Typography.Text> : (
        <List size="small" dataSource={byCheckpoint} renderItem={(ms) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }}>
            <Typography.Text strong>{ms[0]!.checkpoint.name}</Typography.Text> <Tag color="red">{t('roster.patrol.missedTimes', { n: ms.length })}</Tag>
            <Typography.Text type="secondary">{t('roster.patrol.dueAtList', { times: ms.map((m) => short(m.dueAt)).join('、') })}</Typography.Text>
          </List.Item>
        )} />
      )}
    </Card>
  );
}

/** 'HH:mm' today, 'MM-dd HH:mm' another day, on the station's clock: a board's times, read at a glance. */
function useShortTime() {
  const { i18n } = useTranslation();
  const { timeZone } = useSessionInfo();
  const today = stationDay(Date.now(), timeZone);
  return (ms: number) => formatInstant(ms, i18n.language, timeZone, stationDay(ms, timeZone) === today ? 'HH:mm' : 'MM-dd HH:mm');
}
