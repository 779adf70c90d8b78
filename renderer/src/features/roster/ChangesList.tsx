import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterChange, RosterPublication } from '../../../../shared/contract/roster';
import { useWhen } from '../../components/useWhen';

/** What was published (with any override and its reason) and every change since, each with who approved it. */
export function ChangesList({ changes, publications }: { changes: readonly RosterChange[]; publications: readonly RosterPublication[] }) {
  const { t } = useTranslation();
  const at = useWhen();
  if (!changes.length && !publications.length) return null;
  return (
    <Card size="small" title={t('roster.changesTitle')} style={{ marginTop: 16 }} data-testid="roster-changes">
      <List size="small" dataSource={publications} renderItem={(p) => (
        <List.Item style={{ paddingInline: 0, display: 'block' }}>
          <Tag color="green">{t('roster.publishedTag')}</Tag>
          {t('roster.publishedLine', { from: p.from, to: p.to, by: p.publishedBy.name, at: at(p.publishedAt) })}
          {p.override && <div><Typography.Text type="warning">{t('roster.overrideLine', { by: p.override.by.name, reason: p.override.reason, gaps: p.gaps, conflicts: p.conflicts })}</Typography.Text></div>}
        </List.Item>
      )} />
      <List size="small" dataSource={changes} renderItem={(c) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Tag color="purple">{t(`roster.changeKinds.${c.kind}`)}</Tag>
          {c.reason}
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
            {t('roster.changeLine', { approver: c.approvedBy.name, recorder: c.recordedBy.name, at: at(c.recordedAt) })}
          </Typography.Text>
        </List.Item>
      )} />
    </Card>
  );
}
