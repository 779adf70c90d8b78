import { CheckCircleOutlined, PrinterOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Input, List, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HandoverDetail, HandoverState } from '../../../../shared/contract/handover';
import { HANDOVER_STATES } from '../../../../shared/contract/handover';
import type { Result } from '../../../../shared/domain/result';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { errorText } from '../../components/serverErrors';
import { useWhen } from '../../components/useWhen';
import { AcknowledgeModal, AddendumModal, SignModal } from './HandoverModals';
import { Sections } from './Sections';
import { shiftLabel, STATE_COLOR } from './shift';
import { VerifyResult } from './VerifyResult';

type Modal = 'ack' | 'sign' | 'addendum' | null;

/** One handover from compose to seal: what the desk may do next is the one primary button. */
export function HandoverPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const info = useSessionInfo();
  const at = useWhen();
  const { message } = App.useApp();
  const q = useRpcQuery('handover.get', { id });
  const [modal, setModal] = useState<Modal>(null);
  const [verify, setVerify] = useState(false);
  const [notes, setNotes] = useState('');
  const h = q.data;
  useEffect(() => setNotes(h?.notes ?? ''), [h?.id, h?.notes]);
  const refresh = useRpcMutation('handover.refresh');
  const save = useRpcMutation('handover.saveNotes');
  const submit = useRpcMutation('handover.submit');
  const reopen = useRpcMutation('handover.reopen');

  if (q.error) return <LoadError error={q.error} />;
  if (!h) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const can = (p: string) => (info.permissions as string[]).includes(p);
  const run = async <I,>(m: { mutateAsync: (i: I) => Promise<Result<unknown>> }, input: I, done: string) => {
    const r = await m.mutateAsync(input);
    if (r.ok) void message.success(done);
    else void message.error(errorText(r.error, t));
  };
  const write = can('duty.write');
  const step = HANDOVER_STATES.indexOf(h.state);
  const dirty = notes !== h.notes;

  return (
    <div className="handover-page">
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Link to="/handover">{t('handover.backToList')}</Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="handover-title">
          {t('handover.title', { shift: shiftLabel(h.shift, i18n.language, info.timeZone) })}
        </Typography.Title>
        <Tag color={STATE_COLOR[h.state]} data-testid="handover-state">{t(`handover.state.${h.state}`)}</Tag>
      </Space>
      <Steps size="small" current={h.state === 'signed' ? 4 : step} style={{ marginBottom: 16, maxWidth: 860 }}
        items={HANDOVER_STATES.map((s: HandoverState) => ({ title: t(`handover.step.${s}`) }))} />
      <Space wrap style={{ marginBottom: 16 }}>
        {h.state === 'open' && write && (
          <>
            <Button icon={<ReloadOutlined />} loading={refresh.isPending} onClick={() => void run(refresh, { id }, t('handover.refreshed'))}>{t('handover.refresh')}</Button>
            <Button disabled={!dirty} loading={save.isPending} onClick={() => void run(save, { id, notes }, t('common.saved'))}>{t('handover.saveNotes')}</Button>
            <Button type="primary" loading={submit.isPending} onClick={() => void run(submit, { id, notes }, t('handover.submitted'))} data-testid="handover-submit">{t('handover.submit')}</Button>
          </>
        )}
        {(h.state === 'submitted' || h.state === 'acknowledged') && write && (
          <Button type={h.state === 'submitted' ? 'primary' : 'default'} icon={<CheckCircleOutlined />} onClick={() => setModal('ack')} data-testid="handover-ack">{t('handover.acknowledge')}</Button>
        )}
        {h.state === 'submitted' && write && h.acknowledgements.length === 0 && (
          <Button onClick={() => void run(reopen, { id }, t('handover.reopened'))}>{t('handover.reopen')}</Button>
        )}
        {h.state === 'acknowledged' && can('handover.sign') && (
          <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setModal('sign')} data-testid="handover-sign">{t('handover.signIt')}</Button>
        )}
        {h.state === 'signed' && write && <Button onClick={() => setModal('addendum')}>{t('handover.addAddendum')}</Button>}
        {h.state === 'signed' && <Button onClick={() => setVerify(true)} data-testid="handover-verify">{t('handover.verify')}</Button>}
        <Link to={`/print/handover/${h.id}`}><Button icon={<PrinterOutlined />} data-testid="handover-print">{t('handover.printIt')}</Button></Link>
      </Space>
      {verify && <VerifyResult id={h.id} onClose={() => setVerify(false)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('handover.compiled', { from: at(h.shift.from), at: at(h.compiledAt) })}
          </Typography.Paragraph>
          <Sections sections={h.sections} />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('handover.notes')} style={{ marginBottom: 16 }}>
            {h.state === 'open' && write ? (
              <Input.TextArea value={notes} onChange={(e) => setNotes(e.target.value)} rows={5} maxLength={4000} placeholder={t('handover.notesHint')} data-testid="handover-notes" />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{h.notes || t('handover.noNotes')}</Typography.Paragraph>
            )}
          </Card>
          <People h={h} />
        </Col>
      </Row>
      <AcknowledgeModal handover={h} open={modal === 'ack'} onClose={() => setModal(null)} />
      <SignModal handover={h} open={modal === 'sign'} onClose={() => setModal(null)} />
      <AddendumModal handover={h} open={modal === 'addendum'} onClose={() => setModal(null)} />
    </div>
  );
}

/** Who did what: opened, submitted, acknowledged, signed (with the fingerprint), and the signed addenda. */
function People({ h }: { h: HandoverDetail }) {
  const { t } = useTranslation();
  const at = useWhen();
  return (
    <Card size="small" title={t('handover.people')} data-testid="handover-people">
      <Descriptions size="small" column={1} items={[
        { key: 'opened', label: t('handover.openedBy'), children: `${h.openedBy.displayName} · ${at(h.openedAt)}` },
        { key: 'submitted', label: t('handover.submittedBy'), children: h.submittedBy ? `${h.submittedBy.displayName} · ${at(h.submittedAt)}` : '—' },
        { key: 'acks', label: t('handover.acknowledgedBy'), children: h.acknowledgements.length ? <span style={{ whiteSpace: 'pre-line' }}>{h.acknowledgements.map((a) => `${a.user.displayName} · ${at(a.at)}`).join('\n')}</span> : '—' },
        { key: 'leaders', label: t('handover.leadersOnDuty'), children: h.leadersOnDuty.map((l) => l.displayName).join('、') || t('handover.sign.noLeader') },
      ]} />
      {h.signatures.map((s) => (
        <Alert key={s.id} type="success" showIcon style={{ marginTop: 8 }} data-testid="handover-signature"
          title={t('handover.signedBy', { name: s.signer.displayName, at: at(s.signedAt) })}
          description={<>{t('handover.fingerprint')} <Typography.Text code>{s.fingerprint}</Typography.Text>{s.reason && <div>{t('handover.signReasonShown', { reason: s.reason })}</div>}</>} />
      ))}
      {h.addenda.length > 0 && (
        <List size="small" header={t('handover.addenda')} dataSource={h.addenda} renderItem={(a) => (
          <List.Item style={{ display: 'block' }}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{a.note}</div>
            <Typography.Text type="secondary">{a.addedBy.displayName} · {at(a.addedAt)} · <Typography.Text code>{a.signature.fingerprint}</Typography.Text></Typography.Text>
          </List.Item>
        )} />
      )}
    </Card>
  );
}
