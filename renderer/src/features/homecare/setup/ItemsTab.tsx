// 项目与价格: the service catalogue (name, GB/T 43153 category, unit 次/小时; retired, never deleted) and, under it, the
// dated prices and subsidy per price class in 元 (stored in fen). Keepers add and change; everyone who reads sees both.
import { Badge, Button, Card, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemRow } from '@shared/api/homecare-setup';
import { PRICE_CLASSES, type PriceClass, SERVICE_CATEGORIES, SERVICE_UNITS, type ServiceCategory, type ServiceUnit } from '@shared/domain/homecare/vocab';
import { ListCard, ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { fenToYuan, yuanToFen } from '../../grades/money';
import { useHomecareItems, useHomecarePrices, useHomecareSaveItem, useHomecareSavePrice } from './queries';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const ITEM_FIELDS = ['name', 'category', 'unit', 'retired'];
const PRICE_FIELDS = ['itemId', 'priceClass', 'effectiveFrom', 'priceFen', 'subsidyFen'];

function ItemModal({ item, onClose }: { item: ItemRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ name: item?.name ?? '', category: (item?.category ?? 'life_care') as ServiceCategory, unit: (item?.unit ?? 'visit') as ServiceUnit, retired: item?.retired ?? false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useHomecareSaveItem({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ITEM_FIELDS.includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={item ? t('homecare.setup.itemTitleEdit', { name: item.name }) : t('homecare.setup.itemTitleNew')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ ...(item ? { id: item.id } : {}), ...v });
        }}
      >
        <Stack>
          <TextInput size="lg" label={t('homecare.setup.itemName')} withAsterisk placeholder="如：助洁" value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <Select
            size="lg"
            label={t('homecare.setup.category')}
            allowDeselect={false}
            data={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`enums.serviceCategory.${c}`) }))}
            value={v.category}
            onChange={(c) => c && setV({ ...v, category: c as ServiceCategory })}
            error={errors.category}
          />
          <div role="group" aria-label={t('homecare.setup.unit')}>
            <Text fw={700} mb={4}>
              {t('homecare.setup.unit')}
            </Text>
            <SegmentedControl fullWidth size="md" value={v.unit} onChange={(u) => setV({ ...v, unit: u as ServiceUnit })} data={SERVICE_UNITS.map((u) => ({ value: u, label: t(`enums.serviceUnit.${u}`) }))} />
            <Text size="sm" c={errors.unit ? 'red.9' : 'dark.6'} mt={4}>
              {errors.unit ?? t('homecare.setup.unitHint')}
            </Text>
          </div>
          {item && <Switch size="lg" label={t('homecare.setup.retired')} checked={v.retired} onChange={(e) => setV({ ...v, retired: e.currentTarget.checked })} error={errors.retired} />}
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function PriceForm({ today, items }: { today: string; items: ItemRow[] }) {
  const { t } = useTranslation();
  const live = items.filter((i) => !i.retired);
  const [itemId, setItemId] = useState<string | null>(live[0]?.id ?? null);
  const [priceClass, setPriceClass] = useState<PriceClass>('tekun_dispersed');
  const [from, setFrom] = useState<string | null>(today);
  const [price, setPrice] = useState<number | string>('');
  const [subsidy, setSubsidy] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useHomecareSavePrice({ successMessage: t('app.saved'), onSuccess: () => setErrors({}), onFieldError: (f, m) => (setErrors({ [f]: m }), PRICE_FIELDS.includes(f)) });
  const hourly = live.find((i) => i.id === itemId)?.unit === 'hour';
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('homecare.setup.addPrice')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate({ itemId: itemId ?? '', priceClass, effectiveFrom: from ?? '', priceFen: yuanToFen(Number(price)), subsidyFen: yuanToFen(Number(subsidy)) });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <Select size="lg" label={t('homecare.setup.priceItem')} allowDeselect={false} searchable nothingFoundMessage={t('homecare.setup.noItemsForPrice')} data={live.map((i) => ({ value: i.id, label: `${i.name}（${t(`enums.serviceUnit.${i.unit}`)}）` }))} value={itemId} onChange={setItemId} error={errors.itemId} />
          <Select size="lg" label={t('homecare.setup.priceClass')} allowDeselect={false} data={PRICE_CLASSES.map((c) => ({ value: c, label: t(`enums.priceClass.${c}`) }))} value={priceClass} onChange={(c) => c && setPriceClass(c as PriceClass)} error={errors.priceClass} />
          <DateInput size="lg" label={t('homecare.setup.effectiveFrom')} valueFormat="YYYY-MM-DD" value={from} onChange={setFrom} error={errors.effectiveFrom} />
          <NumberInput size="lg" label={hourly ? t('homecare.setup.priceYuanHour') : t('homecare.setup.priceYuan')} min={0} decimalScale={2} value={price} onChange={setPrice} error={errors.priceFen} />
          <NumberInput size="lg" label={t('homecare.setup.subsidyYuan')} min={0} decimalScale={2} value={subsidy} onChange={setSubsidy} error={errors.subsidyFen} />
        </SimpleGrid>
        <Button type="submit" size="lg" mt="md" loading={save.isPending} disabled={live.length === 0}>
          {t('app.save')}
        </Button>
      </form>
    </Card>
  );
}

function PricesCard({ today, items, search }: { today: string; items: ItemRow[]; search: string }) {
  const { t } = useTranslation();
  const prices = useHomecarePrices({ onDate: today });
  const mayEdit = useMayCall('homecare.savePrice');
  return (
    <Stack>
      <Title order={3}>{t('homecare.setup.pricesTitle')}</Title>
      <Text>{t('homecare.setup.pricesIntro')}</Text>
      {mayEdit && <PriceForm today={today} items={items} />}
      <QueryView query={prices}>
        {(all) => {
          const rows = all.filter((p) => search === '' || p.item.includes(search));
          return (
            <ListCard title={t('homecare.setup.priceListTitle')} rows={rows} empty={search && all.length > 0 ? t('homecare.setup.noMatch') : t('homecare.setup.pricesEmpty')}>
              {/* No buttons in it: the box that scrolls sideways on a phone takes the keyboard focus itself. */}
              <Table.ScrollContainer minWidth={600} type="native" tabIndex={0} aria-label={t('homecare.setup.priceListTitle')}>
                <Table striped fz="md" verticalSpacing="sm" data-testid="homecare-prices">
                  <Table.Thead>
                    <Table.Tr>
                      {[t('homecare.setup.priceItem'), t('homecare.setup.priceClass'), t('homecare.setup.effectiveFrom'), t('homecare.setup.price'), t('homecare.setup.subsidy'), t('homecare.setup.personal')].map((h) => (
                        <Table.Th key={h}>{h}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((p) => {
                      const per = p.unit === 'hour' ? t('homecare.setup.perHour') : t('homecare.setup.perVisit');
                      return (
                        <Table.Tr key={p.id}>
                          <Table.Td fw={700} style={NOWRAP}>
                            {p.item}
                          </Table.Td>
                          <Table.Td>{t(`enums.priceClass.${p.priceClass}`)}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Text style={NOWRAP}>{p.effectiveFrom}</Text>
                              {p.current ? (
                                <Badge color="ok" variant="filled">
                                  {t('homecare.setup.current')}
                                </Badge>
                              ) : p.effectiveFrom > today ? (
                                <Badge color="notice" variant="filled">
                                  {t('homecare.setup.upcoming')}
                                </Badge>
                              ) : (
                                <Text c="dark.6">{t('homecare.setup.history')}</Text>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td style={NOWRAP}>
                            {fenToYuan(p.priceFen)}
                            {per}
                          </Table.Td>
                          <Table.Td style={NOWRAP}>{fenToYuan(p.subsidyFen)}</Table.Td>
                          <Table.Td style={NOWRAP}>{fenToYuan(p.personalFen)}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </ListCard>
          );
        }}
      </QueryView>
    </Stack>
  );
}

export function ItemsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [withRetired, setWithRetired] = useState(false);
  const [search, setSearch] = useState('');
  const items = useHomecareItems({ includeRetired: withRetired });
  const mayEdit = useMayCall('homecare.saveItem');
  const [editing, setEditing] = useState<ItemRow | 'new' | null>(null);
  const q = search.trim();
  return (
    <Stack>
      <Text>{t('homecare.setup.itemsIntro')}</Text>
      <Group justify="space-between" wrap="wrap">
        <TextInput size="lg" style={{ flex: 1, minWidth: 220 }} aria-label={t('homecare.setup.search')} placeholder={t('homecare.setup.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Checkbox size="md" label={t('homecare.setup.showRetired')} checked={withRetired} onChange={(e) => setWithRetired(e.currentTarget.checked)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setEditing('new')}>
            {t('homecare.setup.addItem')}
          </Button>
        )}
      </Group>
      <QueryView query={items}>
        {(all) => {
          const rows = all.filter((i) => q === '' || i.name.includes(q) || t(`enums.serviceCategory.${i.category}`).includes(q));
          return (
            <>
              <ListCard title={t('homecare.setup.itemsTitle')} rows={rows} empty={q && all.length > 0 ? t('homecare.setup.noMatch') : t('homecare.setup.itemsEmpty')}>
                <ListTable minWidth={560} nowrap testId="homecare-items" heads={[t('homecare.setup.itemName'), t('homecare.setup.categoryShort'), t('homecare.setup.unit'), t('homecare.setup.entitledCount'), t('homecare.setup.priced'), mayEdit && t('homecare.setup.actions')]}>
                  {rows.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text fw={700}>{i.name}</Text>
                          {i.retired && (
                            <Badge color="muted" variant="filled">
                              {t('homecare.setup.retiredMark')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{t(`enums.serviceCategory.${i.category}`)}</Table.Td>
                      <Table.Td>{t(`enums.serviceUnit.${i.unit}`)}</Table.Td>
                      <Table.Td>{i.entitled}</Table.Td>
                      <Table.Td>
                        <Text c={i.pricedClasses < PRICE_CLASSES.length && !i.retired ? 'orange.9' : undefined} fw={i.pricedClasses < PRICE_CLASSES.length ? 700 : undefined}>
                          {t('homecare.setup.pricedOf', { n: i.pricedClasses, total: PRICE_CLASSES.length })}
                        </Text>
                      </Table.Td>
                      {mayEdit && (
                        <Table.Td>
                          <Button size="md" variant="outline" onClick={() => setEditing(i)} aria-label={`${t('homecare.setup.edit')} ${i.name}`}>
                            {t('homecare.setup.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </ListTable>
              </ListCard>
              <PricesCard today={today} items={all} search={q} />
            </>
          );
        }}
      </QueryView>
      {editing && <ItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
