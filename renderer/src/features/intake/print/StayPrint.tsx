import { Result, Spin } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { StayDetail } from '../../../../../shared/contract/intake';
import { useRpcQuery } from '../../../api/hooks';
import { LoadError } from '../../../components/LoadError';
import { PrintFrame } from '../../../components/print';
import { IntakeForm } from './IntakeForm';
import { RefusalNotice, SelfDischargeDeclaration } from './Letters';
import { ServiceForm } from './ServiceForm';

/** The A4 forms of a stay, each at its own address under /print/ (see ../feature.tsx). */
export type FormKind = 'intake' | 'service' | 'refusal' | 'selfDischarge';

const FORMS: Record<FormKind, ComponentType<{ stay: StayDetail }>> = {
  intake: IntakeForm,
  service: ServiceForm,
  refusal: RefusalNotice,
  selfDischarge: SelfDischargeDeclaration,
};

const TITLE_KEY: Record<FormKind, string> = {
  intake: 'print.intake.title',
  service: 'print.service.title',
  refusal: 'print.refusal.title',
  selfDischarge: 'print.selfDischarge.title',
};

/** Why a form must not be printed for this stay (shown on screen, print disabled), or null. */
function wrongForm(t: ReturnType<typeof useTranslation>['t'], kind: FormKind, stay: StayDetail): string | null {
  const status = t(`intake.status.${stay.status}`);
  if (kind === 'refusal' && stay.status !== 'refused') return t('print.wrongRefusal', { status });
  if (kind === 'selfDischarge') {
    if (stay.discharge && stay.discharge.type !== 'self_discharge') {
      return t('print.wrongSelfDischarge', { type: t(`intake.discharge.types.${stay.discharge.type}`) });
    }
    if (stay.status === 'refused' || stay.status === 'handed_to_police') return t('print.wrongStatus', { status });
  }
  return null;
}

/** A stay's form by its registration number in the address (`…/:stayId`). */
export function StayPrint({ kind }: { kind: FormKind }) {
  const { t } = useTranslation();
  const stayId = Number(useParams().stayId);
  const valid = Number.isInteger(stayId) && stayId > 0;
  if (!valid) {
    return (
      <PrintFrame backTo="/intake" ready={false}>
        <Result status="404" title={t('errors.NOT_FOUND')} />
      </PrintFrame>
    );
  }
  return <StayPrintLoaded kind={kind} stayId={stayId} />;
}

function StayPrintLoaded({ kind, stayId }: { kind: FormKind; stayId: number }) {
  const { t } = useTranslation();
  const stay = useRpcQuery('intake.get', { stayId });
  const backTo = `/intake/stay/${stayId}`;
  const docTitle = `${t(TITLE_KEY[kind])} · ${t('print.regNo', { id: stayId })}`;

  let body: ReactNode;
  let ready = false;
  let notice: string | null = null;
  if (stay.error) body = <LoadError error={stay.error} />;
  else if (!stay.data) body = <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  else {
    const s = stay.data;
    const wrong = wrongForm(t, kind, s);
    if (wrong) body = <Result status="warning" title={wrong} data-testid="wrong-form" />;
    else {
      ready = true;
      if (kind === 'selfDischarge' && !s.discharge) notice = t('print.selfDischargeOpen');
      const Form = FORMS[kind];
      body = <Form stay={s} />;
    }
  }
  return (
    <PrintFrame docTitle={docTitle} backTo={backTo} ready={ready} notice={notice}>
      {body}
    </PrintFrame>
  );
}
