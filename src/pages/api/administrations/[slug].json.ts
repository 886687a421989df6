import type { APIRoute, GetStaticPaths } from 'astro';
import { bodyJson, type PublishedBody } from '../../../publish/entity-pages.ts';
import { bodyPaths, getSite } from '../../../site/data.ts';

export const getStaticPaths = bodyPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ page: PublishedBody }> = async ({ props, site }) => {
  const { model } = await getSite();
  return new Response(JSON.stringify(bodyJson(props.page, model, site!), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
