import { PlusOutlined, TableOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, Empty, Input, List, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { BoardListKey } from '../../../../shared/contract/intake';
import { useRpcQuery } from '../../api/hooks';
import { useRpcSearch } from '../../api/useRpcSearch';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { clientLabel, STATUS_COLOR, when } from '../../components/format';
import { detailText } from './boardText';
import { PeriodExportButton } from '../../components/export';

/** Most urgent first: what must be acted on, then what is simply so. */
const LISTS: { key: BoardListKey; color: string }[] = [
  { key: 'offersToMe', color: '#1f4e8c' },
  { key: 'awaitingTriage', color: '#d48806' },
  { key: 'overLimit', color: '#cf1322' },
  { key: 'familySearchDue', color: '#cf1322' },
  { key: 'withoutBed', color: '#d48806' },
  { key: 'nearLimit', color: '#d48806' },
  { key: 'openCustody', color: '#595959' },
  { key: 'incomplete', color: '#595959' },
  { key: 'arrivals', color: '#389e0d' },
  { key: 'departures', color: '#595959' },
];

/** Search while typing; picking a person opens their record. */
function PersonSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const hits = useRpcSearch('people.search', q.trim() ? { q } : null).data ?? [];
  return (
    <AutoComplete
      style={{ width: 460 }}
      value={q}
      onChange={setQ}
      onSelect={(v: string) => navigate(`/intake/person/${v}`)}
      notFoundContent={q.trim() ? t('intake.noResults') : null}
      options={hits.map((h) => ({
        value: String(h.id),
        label: (
          // Plain elements but for the status: a keystroke repaints up to twenty of these (issue 12, 50 ms).
          <div data-testid={`hit-${h.id}`} className="search-hit">
            <strong>{clientLabel(t, h)}</strong>
            {h.sex && <span className="search-hit-tag">{t(`intake.sex.${h.sex}`)}</span>}
            {h.age !== null && <span className="search-hit-tag">{h.age}</span>}
            {h.lastStay && <Tag color={STATUS_COLOR[h.lastStay.status]}>{t(`intake.status.${h.lastStay.status}`)}</Tag>}
          </div>
        ),
      }))}
    >
      <Input.Search placeholder={t('intake.search')} allowClear aria-label={t('intake.search')} />
    </AutoComplete>
  );
}

export function IntakeBoardPage() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const navigate = useNavigate();
  const board = useRpcQuery('intake.board', {});
  if (board.error) return <LoadError error={board.error} />;
  const b = board.data;
  const beds = b?.zones.reduce((n, z) => n + z.beds, 0) ?? 0;
  const occupied = b?.zones.reduce((n, z) => n + z.occupied, 0) ?? 0;
  const canWrite = (info.permissions as string[]).includes('intake.write');

  return (
    <div>
      <Space style={{ marginBottom: 16, width: '100%' }} wrap>
        <PersonSearch />
        {canWrite && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => navigate('/intake/new')}>
            {t('intake.newIntake')}
          </Button>
        )}
        <Button size="large" icon={<TableOutlined />} onClick={() => navigate('/intake/beds')}>
          {t('intake.beds')}
        </Button>
        <PeriodExportButton procedure="intake.exportRegister" title={t('intake.exportRegister')} timeZone={info.timeZone} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={6}>
          <Card loading={board.isLoading} title={t('intake.board')}>
            <Space size="large">
              <Statistic title={t('intake.residents')} value={b?.residents ?? 0} />
              <Statistic title={t('intake.freeBeds')} value={beds - occupied} />
            </Space>
            <div style={{ marginTop: 16 }}>
              {b?.zones.map((z) => (
                <div key={z.id} className="zone-bar">
                  <span>{z.name}</span>
                  <Progress percent={z.beds ? Math.round((z.occupied / z.beds) * 100) : 0} format={() => `${z.occupied}/${z.beds}`}
                    status={z.occupied >= z.beds ? 'exception' : 'normal'} size="small" />
                </div>
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={18}>
          <Row gutter={[16, 16]}>
            {LISTS.map(({ key, color }) => {
              const list = b?.[key];
              const lines = list?.lines ?? [];
              const count = list?.count ?? 0;
              return (
                <Col key={key} xs={24} md={12}>
                  <Card size="small" className="board-card" loading={board.isLoading} data-testid={`board-${key}`}
                    title={<span style={{ color }}>{t(`intake.boardLists.${key}`)} {count > 0 && <Tag color="blue" data-testid={`count-${key}`}>{count}</Tag>}</span>}
                    extra={count > lines.length && (
                      <Link to={`/intake/list/${key}`} data-testid={`all-${key}`}>{t('intake.boardLists.all', { count })}</Link>
                    )}>
                    {lines.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.boardLists.empty')} style={{ margin: 4 }} />
                    ) : (
                      <List size="small" dataSource={lines} renderItem={(l) => (
                        <List.Item key={`${key}-${l.stayId}-${l.detail}`} className="board-line" onClick={() => navigate(`/intake/stay/${l.stayId}`)}>
                          <Typography.Text strong ellipsis className="board-line-name">{clientLabel(t, l)}</Typography.Text>
                          <Typography.Text type="secondary" ellipsis className="board-line-detail">{detailText(t, key, l.detail)}</Typography.Text>
                          <Typography.Text type="secondary" ellipsis className="board-line-when">
                            {l.at ? when(l.at, i18n.language, info.timeZone).slice(5) : ''} · {l.owner}
                          </Typography.Text>
                        </List.Item>
                      )} />
                    )}
                  </Card>
                </Col>
              );
            })}
          </Row>
        </Col>
      </Row>
    </div>
  );
}
