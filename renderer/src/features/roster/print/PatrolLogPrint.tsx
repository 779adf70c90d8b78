import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useRpcQuery } from '../../../api/hooks';
import { ListTable, PrintFrame, SheetFoot, SheetHead, Signatures, useWhen } from '../../../components/print';

/** 值班巡查记录: a day's rounds with their findings and follow-ups, then the rounds missed. */
export function PatrolLogPrint() {
  const { t } = useTranslation();
  const at = useWhen();
  const day = useParams().day!;
  const log = useRpcQuery('patrol.log', { from: day, to: day });
  const l = log.data;
  const title = t('roster.print.patrolTitle');
  const rounds = (l?.rounds ?? []).map((r) => [
    at(r.at),
    `${r.checkpoint.name}（${r.checkpoint.code}）`,
    r.walkedBy.name,
    r.finding === 'normal' ? t('roster.patrol.normal') : t(`roster.findings.${r.category}`),
    [r.note, ...r.followUps.map((f) => t('roster.print.followUpLine', { task: f.task, owner: f.owner.name, due: at(f.dueAt) }))].filter(Boolean).join('；'),
  ]);
  const missed = (l?.missed ?? []).map((m) => [`${m.checkpoint.name}（${m.checkpoint.code}）`, at(m.slotFrom), at(m.dueAt)]);
  return (
    <PrintFrame docTitle={`${title} ${day}`} backTo="/roster/patrol" ready={!!l}>
      <SheetHead title={title} left={day} right={l ? t('roster.print.patrolSummary', { rounds: l.rounds.length, due: l.due, missed: l.missed.length }) : ''} />
      <ListTable title={t('roster.print.rounds')} heads={[t('roster.print.time'), t('roster.patrol.checkpoint'), t('roster.print.walker'), t('roster.patrol.finding'), t('roster.print.noteAndFollowUp')]}
        widths={['17%', '23%', '12%', '12%', '36%']} rows={rounds} empty={t('roster.print.none')} />
      <ListTable title={t('roster.print.missed')} heads={[t('roster.patrol.checkpoint'), t('roster.print.slotFrom'), t('roster.print.dueAt')]}
        widths={['40%', '30%', '30%']} rows={missed} empty={t('roster.patrol.noneMissed')} />
      <Signatures labels={[t('roster.print.dutyStaff'), t('roster.print.leader')]} />
      <SheetFoot />
    </PrintFrame>
  );
}
