import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useFieldArray, type Control, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { itemSaveInput, type StockItemDetail, type StockItemView } from '../../../../../shared/contract/stock';
import { CLOTHING_SEXES, STOCK_CATEGORIES } from '../../../../../shared/domain/stock';
import { FormField } from '../../../components/FormField';
import { RpcFormModal } from '../../../components/RpcFormModal';

const FIELDS = ['name', 'category', 'size', 'sex', 'unit', 'minLevel', 'tracksExpiry', 'shelfLifeDays', 'storagePlace', 'frontDesk', 'active'];

/** The fields of a list (packs, barcodes) as react-hook-form paths, so the main process's errors land on them. */
const listFields = (item?: StockItemView) => {
  const n = Math.max(item?.packs.length ?? 0, item?.barcodes.length ?? 0) + 10;
  return Array.from({ length: n }, (_, i) => [`packs.${i}.name`, `packs.${i}.quantity`, `barcodes.${i}.code`, `barcodes.${i}.quantity`]).flat();
};

function Packs({ control }: { control: Control<FieldValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'packs' });
  return (
    <>
      <Typography.Text strong>{t('stock.item.packs')}</Typography.Text>
      {fields.map((f, i) => (
        <Space key={f.id} align="start" style={{ display: 'flex' }}>
          <FormField control={control} name={`packs.${i}.name`} label={t('stock.item.packName')}>{(fld) => <Input {...fld} style={{ width: 120 }} />}</FormField>
          <FormField control={control} name={`packs.${i}.quantity`} label={t('stock.item.packQuantity')}>{(fld) => <InputNumber {...fld} min={2} precision={0} style={{ width: 120 }} />}</FormField>
          <Button type="text" danger icon={<DeleteOutlined />} style={{ marginTop: 30 }} onClick={() => remove(i)} aria-label={t('stock.lines.remove')} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => append({ name: '箱', quantity: 24 })} style={{ marginBottom: 12 }}>{t('stock.item.addPack')}</Button>
    </>
  );
}

function Barcodes({ control }: { control: Control<FieldValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'barcodes' });
  return (
    <>
      <Typography.Text strong>{t('stock.item.barcodes')}</Typography.Text>
      {fields.map((f, i) => (
        <Space key={f.id} align="start" style={{ display: 'flex' }}>
          <FormField control={control} name={`barcodes.${i}.code`} label={t('stock.item.code')}>
            {(fld) => <Input {...fld} style={{ width: 200 }} data-testid={`barcode-${i}`} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />}
          </FormField>
          <FormField control={control} name={`barcodes.${i}.quantity`} label={t('stock.item.perScan')}>{(fld) => <InputNumber {...fld} min={1} precision={0} style={{ width: 100 }} />}</FormField>
          <Button type="text" danger icon={<DeleteOutlined />} style={{ marginTop: 30 }} onClick={() => remove(i)} aria-label={t('stock.lines.remove')} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => append({ code: '', quantity: 1 })} style={{ marginBottom: 12 }}>{t('stock.item.addBarcode')}</Button>
    </>
  );
}

/** Adds or edits an item of the catalogue: its unit and packs, its barcodes, minimum level and expiry tracking. */
export function ItemForm({ item, open, onClose }: { item?: StockItemView; open: boolean; onClose: (saved?: StockItemDetail) => void }) {
  const { t } = useTranslation();
  const defaults = item
    ? {
        id: item.id, name: item.name, category: item.category, size: item.size ?? undefined, sex: item.sex ?? undefined, unit: item.unit, packs: item.packs, barcodes: item.barcodes,
        minLevel: item.minLevel, tracksExpiry: item.tracksExpiry, shelfLifeDays: item.shelfLifeDays ?? undefined, storagePlace: item.storagePlace, frontDesk: item.frontDesk, active: item.active,
      }
    : { category: 'water', unit: '瓶', packs: [], barcodes: [], minLevel: 0, tracksExpiry: true, storagePlace: '', frontDesk: false, active: true };
  return (
    <RpcFormModal
      open={open}
      title={item ? t('stock.item.edit', { name: item.name }) : t('stock.item.add')}
      procedure="stock.itemSave"
      schema={itemSaveInput}
      defaultValues={defaults as never}
      fields={[...FIELDS, ...listFields(item)]}
      width={720}
      onClose={onClose}
    >
      {(control, values) => (
        <>
          <Row gutter={16}>
            <Col span={12}><FormField control={control} name="name" label={t('stock.item.name')} required>{(f) => <Input {...f} />}</FormField></Col>
            <Col span={6}>
              <FormField control={control} name="category" label={t('stock.item.category')} required>
                {(f) => <Select {...f} options={STOCK_CATEGORIES.map((c) => ({ value: c, label: t(`stock.categories.${c}`) }))} />}
              </FormField>
            </Col>
            <Col span={6}><FormField control={control} name="unit" label={t('stock.item.unit')} required>{(f) => <Input {...f} />}</FormField></Col>
          </Row>
          {values.category === 'clothing' && (
            <Row gutter={16}>
              <Col span={12}><FormField control={control} name="size" label={t('stock.item.size')}>{(f) => <Input {...f} />}</FormField></Col>
              <Col span={12}>
                <FormField control={control} name="sex" label={t('stock.item.sex')}>
                  {(f) => <Select {...f} allowClear options={CLOTHING_SEXES.map((s) => ({ value: s, label: t(`stock.sexes.${s}`) }))} />}
                </FormField>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            <Col span={6}><FormField control={control} name="minLevel" label={t('stock.item.minLevel')}>{(f) => <InputNumber {...f} min={0} precision={0} style={{ width: '100%' }} />}</FormField></Col>
            <Col span={6}><FormField control={control} name="tracksExpiry" label={t('stock.item.tracksExpiry')}>{(f) => <Switch checked={!!f.value} onChange={f.onChange} id={f.id} />}</FormField></Col>
            <Col span={6}>
              <FormField control={control} name="shelfLifeDays" label={t('stock.item.shelfLifeDays')}>
                {(f) => <InputNumber {...f} min={1} precision={0} disabled={!values.tracksExpiry} style={{ width: '100%' }} />}
              </FormField>
            </Col>
            <Col span={6}><FormField control={control} name="storagePlace" label={t('stock.item.storagePlace')}>{(f) => <Input {...f} />}</FormField></Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}><FormField control={control} name="frontDesk" label={t('stock.item.frontDesk')}>{(f) => <Switch checked={!!f.value} onChange={f.onChange} id={f.id} />}</FormField></Col>
            {item && <Col span={12}><FormField control={control} name="active" label={t('stock.item.active')}>{(f) => <Switch checked={!!f.value} onChange={f.onChange} id={f.id} />}</FormField></Col>}
          </Row>
          <Row gutter={16}>
            <Col span={10}><Packs control={control} /></Col>
            <Col span={14}><Barcodes control={control} /></Col>
          </Row>
        </>
      )}
    </RpcFormModal>
  );
}
