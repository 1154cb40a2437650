import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Role } from '../../shared/contracts/common.ts';
import type { AppContext } from '../context.ts';
import type { Action } from './policies.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Auth {
  workspaceId: string;
  /** The member acting; null for an API key (which acts as its workspace). */
  userId: string | null;
  role: Role;
  via: 'session' | 'api_key';
  apiKeyId: string | null;
  csrfToken: string | null;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B, A> {
  params: P;
  query: Q;
  body: B;
  auth: A;
  app: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

interface BaseSpec<P, Q, B> {
  method: Method;
  /** OpenAPI-style path: `/api/v1/contacts/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  /** Success status; 204 sends no body. */
  status?: number;
  /** auth: login-like endpoints (10 a minute per address); public: survey and widget endpoints (KOE_PUBLIC_RATE_LIMIT). */
  rateLimit?: 'auth' | 'public';
}

export interface MemberRouteSpec<P, Q, B> extends BaseSpec<P, Q, B> {
  auth: 'member';
  action: Action;
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>, Auth>): Promise<unknown>;
}

export interface PublicRouteSpec<P, Q, B> extends BaseSpec<P, Q, B> {
  auth: 'public';
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>, null>): Promise<unknown>;
}

export type RouteSpec = MemberRouteSpec<unknown, unknown, unknown> | PublicRouteSpec<unknown, unknown, unknown>;

/** The one route pattern: schemas in, presenter out; registered and documented from the same object. */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: MemberRouteSpec<P, Q, B> | PublicRouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}
