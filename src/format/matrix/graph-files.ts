import type { Connectivity } from '../../engine/connectivity.js';
import { toGexf, toGraphml } from '../../graph/export.js';
import { reachGraph } from '../../graph/reach-graph.js';

/** GEXF (Gephi), through graphology. */
export const formatGexf = (c: Connectivity): string => toGexf(reachGraph(c));

/** GraphML (yEd, Gephi, NetworkX). */
export const formatGraphml = (c: Connectivity): string => toGraphml(reachGraph(c));
