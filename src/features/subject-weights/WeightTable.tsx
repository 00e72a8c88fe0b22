import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { Table } from '@mantine/core';
import classes from './WeightTable.module.css';
import type { WeightCurve, WeightStatus } from '../../lib/weight-curve.ts';
import { formatWeighingDate, formatWeight } from './weight-format.ts';

const STATUS: Record<WeightStatus, { label: string; marker: string }> = {
  ok: { label: 'Above threshold', marker: classes.ok! },
  near: { label: 'Near threshold', marker: classes.near! },
  below: { label: 'Below threshold', marker: classes.below! },
};

/** The numbers behind the curve, newest first. */
export function WeightTable({ curve, caption }: { curve: WeightCurve; caption: string }) {
  const rows = [...curve.rows].reverse();
  return (
    <Table striped highlightOnHover captionSide="top" className={classes.table} data-testid="weight-table">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Date</Table.Th>
          <Table.Th scope="col">Weight</Table.Th>
          <Table.Th scope="col">Reference weight</Table.Th>
          <Table.Th scope="col">Threshold</Table.Th>
          <Table.Th scope="col">70 %</Table.Th>
          <Table.Th scope="col">% of reference</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={`${row.time}-${index}`}>
            <Table.Td>{formatWeighingDate(row.time)}</Table.Td>
            <Table.Td>{formatWeight(row.weight)}</Table.Td>
            <Table.Td>{row.restricted ? formatWeight(row.referenceWeight) : 'not restricted'}</Table.Td>
            <Table.Td>{formatWeight(row.threshold)}</Table.Td>
            <Table.Td>{formatWeight(row.floor)}</Table.Td>
            <Table.Td>{row.percent === null ? '—' : `${row.percent.toFixed(1)} %`}</Table.Td>
            <Table.Td>
              {row.status ? (
                <span className={classes.status}>
                  <span className={`${classes.marker} ${STATUS[row.status].marker}`} aria-hidden="true" />
                  {STATUS[row.status].label}
                </span>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
