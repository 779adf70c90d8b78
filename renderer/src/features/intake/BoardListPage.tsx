import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { BOARD_LISTS, type BoardLine, type BoardListKey } from '../../../../shared/contract/intake';
import { useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { clientLabel, when } from '../../components/format';
import { detailText } from './boardText';

const PAGE_SIZE = 20;

/**
 * "All" of one of today's board lists, a page at a time from the main process (intake.boardList): the board itself
 * carries only each list's first lines, however many hundreds a large station has.
 */
export function BoardListPage() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const navigate = useNavigate();
  const key = useParams().key as BoardListKey;
  const [page, setPage] = useState(1);
  const known = (BOARD_LISTS as readonly string[]).includes(key);
  const list = useRpcQuery('intake.boardList', { list: key, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { enabled: known });
  if (!known) return <Typography.Text type="danger">{t('intake.boardLists.unknown')}</Typography.Text>;
  if (list.error) return <LoadError error={list.error} />;
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/intake')} aria-label={t('intake.board')} />
          {t(`intake.boardLists.${key}`)}
        </Space>
      }
    >
      <Table<BoardLine>
        data-testid="board-list-table"
        size="small"
        rowKey={(l) => `${l.stayId}-${l.detail}`}
        loading={list.isFetching}
        dataSource={list.data?.lines ?? []}
        onRow={(l) => ({ onClick: () => navigate(`/intake/stay/${l.stayId}`), className: 'board-list-row' })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.count ?? 0, showSizeChanger: false, onChange: setPage,
          showTotal: (total) => t('intake.boardLists.all', { count: total }) }}
        columns={[
          { title: t('intake.boardLists.who'), key: 'who', ellipsis: true, render: (_, l) => <Typography.Text strong>{clientLabel(t, l)}</Typography.Text> },
          { title: t('intake.boardLists.what'), key: 'detail', ellipsis: true, render: (_, l) => detailText(t, key, l.detail) },
          { title: t('intake.boardLists.when'), key: 'at', width: 140, render: (_, l) => (l.at ? when(l.at, i18n.language, info.timeZone) : '') },
          { title: t('intake.boardLists.owner'), dataIndex: 'owner', width: 120, ellipsis: true },
        ]}
      />
    </Card>
  );
}
