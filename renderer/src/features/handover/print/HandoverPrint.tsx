import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useRpcQuery } from '../../../api/hooks';
import { useFeatures } from '../../../app/feature';
import { useSessionInfo } from '../../../app/session';
import { clientLabel } from '../../../components/format';
import { FieldRow, FormTable, ListTable, PrintFrame, SectionRow, SheetFoot, SheetHead, useWhen } from '../../../components/print';
import { detailText, figureLabel, figureText, sectionTitle } from '../Sections';
import { shiftLabel } from '../shift';

/** Lines of a section on paper; the rest are counted (the screen and the patrol log list them all). */
const PRINT_LINES = 12;

/**
 * 交接班登记表: the handover as compiled, its notes, and each signer (outgoing, incoming, leader, addenda) with the
 * time and a short fingerprint of the signature, so the paper copy can be matched to the record. Not printable until
 * signed: an unsigned page would be mistaken for the register.
 */
export function HandoverPrint() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const features = useFeatures();
  const at = useWhen();
  const id = Number(useParams().id);
  const q = useRpcQuery('handover.get', { id });
  const h = q.data;
  const title = t('handover.print.title');
  const signers: string[][] = h
    ? [
        ...(h.submittedBy ? [[t('handover.print.outgoing'), h.submittedBy.displayName, at(h.submittedAt), '', '']] : []),
        ...h.acknowledgements.map((a) => [t('handover.print.incoming'), a.user.displayName, at(a.at), '', '']),
        ...h.signatures.map((s) => [t('handover.print.leader'), s.signer.displayName, at(s.signedAt), s.fingerprint, s.reason ?? '']),
        ...h.addenda.map((a) => [t('handover.print.addendum'), a.addedBy.displayName, at(a.addedAt), a.signature.fingerprint, a.note]),
      ]
    : [];
  return (
    <PrintFrame docTitle={title} backTo={`/handover/${id}`} ready={h?.state === 'signed'} notice={h && h.state !== 'signed' ? t('handover.print.unsigned') : undefined}>
      {h && (
        <>
          <SheetHead title={title} left={shiftLabel(h.shift, i18n.language, info.timeZone)} right={t('handover.print.no', { id: h.id })} />
          <FormTable widths={['22%', '78%']}>
            <SectionRow title={t('handover.print.contents')} />
            {h.sections.map((s) => (
              <FieldRow key={s.key} fields={[{
                label: sectionTitle(t, s),
                value: [
                  s.figures.map((f) => `${figureLabel(t, s, f)} ${figureText(f)}`).join('；'),
                  s.lines.slice(0, PRINT_LINES).map((l) => [clientLabel(t, l), detailText(t, features, s, l.detail), l.owner, at(l.at)].filter(Boolean).join(' ')).join('；'),
                  s.lines.length > PRINT_LINES ? t('handover.print.more', { n: s.lines.length }) : '',
                ].filter(Boolean).join('。') || t('handover.nothing'),
              }]} />
            ))}
            <SectionRow title={t('handover.notes')} />
            <FieldRow fields={[{ label: t('handover.print.notes'), value: h.notes || t('handover.noNotes'), cell: 'medium' }]} />
          </FormTable>
          <ListTable title={t('handover.print.signers')} heads={[t('handover.print.role'), t('handover.print.name'), t('handover.print.time'), t('handover.print.fingerprint'), t('handover.print.remark')]}
            widths={['14%', '14%', '22%', '14%', '36%']} rows={signers} empty={t('handover.print.none')} />
          <SheetFoot />
        </>
      )}
    </PrintFrame>
  );
}
