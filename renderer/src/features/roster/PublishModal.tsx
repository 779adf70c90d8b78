import { Alert, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { RosterCheck } from '../../../../shared/contract/roster';
import { FormField } from '../../components/FormField';
import { RpcFormModal } from '../../components/RpcFormModal';
import { ApprovalFields, approvalFields } from './ApprovalFields';
import { runs } from './CoveragePanel';

/**
 * Publish the days shown. With a gap or a conflict the main process refuses until a duty leader overrides with a
 * reason (audited); the reason field is there from the start so the refusal lands on it.
 */
export function PublishModal({ range, check, onClose }: { range: { from: string; to: string } | null; check: RosterCheck | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  if (!range) return null;
  const clean = !!check && check.gaps.length === 0 && check.conflicts.length === 0;
  return (
    <RpcFormModal open title={t('roster.publish.title', range)} procedure="roster.publish" schema={contract['roster.publish'].input} okText={t('roster.publish.ok')}
      defaultValues={range} fields={['override.reason', ...approvalFields('override.leader')]} onClose={onClose}>
      {(control) => (
        <>
          <Alert style={{ marginBottom: 16 }} showIcon type={clean ? 'success' : 'warning'}
            title={clean ? t('roster.publish.clean') : t('roster.publish.problems', { gaps: runs(check?.gaps ?? []).length, conflicts: check?.conflicts.length ?? 0 })} />
          {!clean && (
            <>
              <FormField control={control} name="override.reason" label={t('roster.publish.reason')} extra={t('roster.publish.reasonHint')}>
                {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} maxLength={300} data-testid="override-reason" />}
              </FormField>
              <ApprovalFields control={control} path="override.leader" />
            </>
          )}
        </>
      )}
    </RpcFormModal>
  );
}
