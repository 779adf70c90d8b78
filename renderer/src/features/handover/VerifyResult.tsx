import { Alert, Spin } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SignatureProblem } from '../../../../shared/domain/signatures';
import { useRpcQuery } from '../../api/hooks';
import { LoadError } from '../../components/LoadError';

/** What verify found wrong, in words a duty leader can act on: which part no longer matches what was signed. */
export function problemText(t: TFunction, p: SignatureProblem): string {
  switch (p.kind) {
    case 'record_changed':
      return t('handover.verifyResult.record_changed', { signed: p.signedHash.slice(0, 8), current: p.currentHash.slice(0, 8) });
    case 'signature_invalid':
      return t('handover.verifyResult.signature_invalid');
    case 'audit_rewritten':
      return t('handover.verifyResult.audit_rewritten', { row: p.auditRowId, reason: t(`handover.verifyResult.reason.${p.reason}`) });
    case 'signature_missing':
      return t('handover.verifyResult.signature_missing');
  }
}

/** Verify runs when asked (it recomputes the handover and walks the audit chain to its anchor). */
export function VerifyResult({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useRpcQuery('handover.verify', { id });
  if (q.error) return <LoadError error={q.error} />;
  if (!q.data) return <Spin />;
  const v = q.data;
  const problems = [
    ...v.signatures.flatMap((s) => s.problems.map((p) => problemText(t, p))),
    ...v.addenda.flatMap((a) => a.verification.problems.map((p) => `${t('handover.verifyResult.addendum')}: ${problemText(t, p)}`)),
  ];
  return (
    <Alert closable onClose={onClose} showIcon style={{ marginBottom: 16 }} data-testid="verify-result" type={v.ok ? 'success' : 'error'}
      title={v.ok ? t('handover.verifyResult.ok', { n: v.signatures.length + v.addenda.length }) : t('handover.verifyResult.failed')}
      description={problems.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul> : undefined} />
  );
}
