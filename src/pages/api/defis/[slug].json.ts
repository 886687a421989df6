import type { APIRoute, GetStaticPaths } from 'astro';
import { defiJson, type PublishedDefi } from '../../../publish/entity-pages.ts';
import { defiPaths, getSite } from '../../../site/data.ts';

export const getStaticPaths = defiPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ page: PublishedDefi }> = async ({ props, site }) => {
  const { model } = await getSite();
  return new Response(JSON.stringify(defiJson(props.page, model, site!), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
