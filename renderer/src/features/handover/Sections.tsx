import { Button, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertLine, HandoverFigure, HandoverSection } from '../../../../shared/contract/alerts';
import { entityPath, useFeatures, type FeatureEntry } from '../../app/feature';
import { useSessionInfo } from '../../app/session';
import { clientLabel } from '../../components/format';
import { useWhen } from '../../components/useWhen';

/**
 * A section's words come from the feature that compiled it, in its own catalog: `<feature>.handover.<name>` for the
 * title, `<feature>.handover.<section>_<figure>` or `<feature>.handover.<figure>` for a figure, and
 * `<feature>.handover.detail.<value>` for a line's state. A section nobody named shows its raw key rather than nothing
 * (and tests/renderer/handover.test.tsx fails). The handover never lists the features, nor holds their words.
 */
/** The section's name within its feature: `census` of `intake.census`. */
const sectionName = (s: HandoverSection) => s.key.slice(s.feature.length + 1);

export function sectionTitle(t: TFunction, s: HandoverSection): string {
  return t(`${s.feature}.handover.${sectionName(s)}`, { defaultValue: s.key });
}

export function figureLabel(t: TFunction, s: HandoverSection, f: HandoverFigure): string {
  if (f.label) return f.label;
  return t([`${s.feature}.handover.${sectionName(s)}_${f.key}`, `${s.feature}.handover.${f.key}`], { defaultValue: f.key });
}

/**
 * A line's short machine value (a state, a category, a count of days) in words: by the renderer feature that speaks for
 * the section's feature (FeatureEntry.lineDetails), else as `<feature>.handover.detail.<detail>` in the catalogs.
 */
export function detailText(t: TFunction, features: readonly FeatureEntry[], s: HandoverSection, detail: string): string {
  if (!detail) return '';
  const words = features.find((f) => f.lineDetails?.[s.feature])?.lineDetails?.[s.feature];
  return words ? words(t, sectionName(s), detail) : t(`${s.feature}.handover.detail.${detail}`, { defaultValue: detail });
}

export const figureText = (f: HandoverFigure) => (f.of === undefined ? String(f.value) : `${f.value} / ${f.of}`);

/** Lines shown before "show all": a shift's 100 missed rounds must not push every other section off the screen. */
export const FIRST_LINES = 6;

/**
 * A line's subject, as a link to its record's page when the feature that owns the entity registered one
 * (FeatureEntry.entityLinks); the handover knows no feature's routes. A line with no page stays text.
 */
function LineSubject({ line }: { line: AlertLine }) {
  const { t } = useTranslation();
  const path = entityPath(useFeatures(), useSessionInfo().permissions, line.entity, line.id);
  const label = clientLabel(t, line);
  return path ? (
    <Link to={path} data-testid={`line-link-${line.entity}-${line.id}`}>
      <strong>{label}</strong>
    </Link>
  ) : (
    <Typography.Text strong>{label}</Typography.Text>
  );
}

function SectionCard({ section }: { section: HandoverSection }) {
  const { t } = useTranslation();
  const features = useFeatures();
  const at = useWhen();
  const [all, setAll] = useState(false);
  const s = section;
  const shown = all ? s.lines : s.lines.slice(0, FIRST_LINES);
  return (
    <Card size="small" title={sectionTitle(t, s)} data-testid={`section-${s.key}`} className="handover-section">
      {s.figures.length > 0 && (
        <Row gutter={[12, 8]} style={{ marginBottom: s.lines.length ? 8 : 0 }}>
          {s.figures.map((f, i) => (
            <Col key={`${f.key}-${i}`} flex="0 0 auto">
              <Statistic title={figureLabel(t, s, f)} value={figureText(f)} valueStyle={{ fontSize: 18 }} />
            </Col>
          ))}
        </Row>
      )}
      {s.lines.length > 0 ? (
        <List
          size="small"
          dataSource={shown}
          footer={s.lines.length > FIRST_LINES ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(!all)}>{all ? t('handover.fewer') : t('handover.allLines', { n: s.lines.length })}</Button> : undefined}
          renderItem={(l) => (
            <List.Item style={{ paddingInline: 0 }}>
              <LineSubject line={l} />
              {l.detail && <Tag style={{ marginInlineStart: 8 }}>{detailText(t, features, s, l.detail)}</Tag>}
              <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
                {[l.owner, at(l.at)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        s.figures.length === 0 && <Typography.Text type="secondary">{t('handover.nothing')}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * Every section as compiled, two columns on a wide screen. Sections with nothing in them are named in one line at
 * the end ("nothing to hand over: …"), so what needs attention is what fills the screen.
 */
export function Sections({ sections }: { sections: readonly HandoverSection[] }) {
  const { t } = useTranslation();
  if (!sections.length) return <Empty />;
  const empty = (s: HandoverSection) => s.figures.length === 0 && s.lines.length === 0;
  const quiet = sections.filter(empty);
  return (
    <>
      <Row gutter={[12, 12]}>
        {sections.filter((s) => !empty(s)).map((s) => (
          <Col key={s.key} xs={24} lg={12}>
            <SectionCard section={s} />
          </Col>
        ))}
      </Row>
      {quiet.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="sections-quiet">
          {t('handover.quiet', { sections: quiet.map((s) => sectionTitle(t, s)).join('、') })}
        </Typography.Paragraph>
      )}
    </>
  );
}
