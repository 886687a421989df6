import type { APIRoute, GetStaticPaths } from 'astro';
import { chartSpreadsheetCsv } from '../../../publish/outputs.ts';
import type { PublishedChart } from '../../../publish/publish.ts';
import { chartPaths } from '../../../site/data.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ chart: PublishedChart }> = ({ props }) =>
  new Response(chartSpreadsheetCsv(props.chart), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
