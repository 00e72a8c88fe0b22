import type { QueryClient } from '@tanstack/react-query';
import { createContext } from 'react-router';

/** The QueryClient, handed to route loaders through the router context so tests can give each router its own. */
export const queryClientContext = createContext<QueryClient>();
