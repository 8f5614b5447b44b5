// Entry of an indexing worker thread (its own bundle, server/out/indexWorker.js): analyses the files the
// main thread sends, with the hints it sends along, and replies with each file's first-pass findings.
import { parentPort } from 'node:worker_threads';
import { firstPassOf } from '../../analysis/analyzeArticle';
import { analyzeText } from '../../analysis/text/nlp';
import { encodeNlpDoc, tagPairsFrom } from '../../analysis/text/nlpCache';
import { pageOutline } from '../../analysis/structure/pageStructure';
import { neverCancelled } from '../../analysis/types';
import { HintMirror } from './hintDeltas';
import type { AnalyseReply, AnalyseRequest } from './protocol';

const mirror = new HintMirror();
let pairsSent = 0;

function analyse(request: AnalyseRequest): AnalyseReply {
  if (request.hints) mirror.apply(request.hints);
  try {
    const nlp = analyzeText(request.text);
    const { local, journal } = firstPassOf(
      request.text,
      request.options,
      mirror.hints(),
      neverCancelled,
      nlp,
    );
    const encoded = encodeNlpDoc(nlp);
    const tagPairs = tagPairsFrom(pairsSent);
    pairsSent += tagPairs.length;
    const { entities, quotes, unbalanced, repeats } = local;
    return {
      id: request.id,
      first: { entities, quotes, unbalanced, journal },
      repeats,
      nlp: encoded,
      outline: pageOutline(request.text),
      tagPairs,
    };
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

parentPort?.on('message', (request: AnalyseRequest) => {
  const reply = analyse(request);
  // The encoded doc's buffers are moved, not copied.
  parentPort?.postMessage(
    reply,
    'nlp' in reply ? [reply.nlp.tokens.buffer as ArrayBuffer, reply.nlp.values.buffer as ArrayBuffer] : [],
  );
});
