// The console's only ways to the server: JSON requests and the live stream, both with the user's bearer token.

/** Sends a request; resolves to the JSON answer, or rejects with an Error carrying the API's problem. */
export async function request(token, method, path, body) {
  const init = {method, headers: {Authorization: 'Bearer ' + token}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((json && json.detail) || response.statusText);
    error.status = response.status;
    error.problem = json;
    throw error;
  }
  return json;
}

/** The fields a problem names, each with its own detail (older answers carry only `error`). */
export function fieldErrors(problem) {
  if (problem && Array.isArray(problem.errors)) {
    return problem.errors;
  }
  if (problem && problem.error) {
    return [{field: problem.error.field, detail: problem.error.problem}];
  }
  return [];
}

/**
 * Reads server-sent events over fetch: the browser's EventSource cannot send an Authorization header, and a
 * token in the URL would end up in logs. Reconnects after a dropped connection; gives up on 401 and 403.
 * Returns a function that closes the stream.
 */
export function openStream(path, token, onEvent, onStatus) {
  let stopped = false;
  let controller = null;
  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch(path, {headers: {Authorization: 'Bearer ' + token}, signal: controller.signal});
        if (!response.ok) {
          const problem = await response.json().catch(() => ({detail: response.statusText}));
          onStatus({status: response.status, problem});
          if (response.status === 401 || response.status === 403) {
            return;
          }
        } else {
          onStatus({status: 200});
          await readEvents(response.body, onEvent);
        }
      } catch (e) {
        if (stopped) {
          return;
        }
        onStatus({status: 0, problem: {detail: 'connection lost'}});
      }
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  }
  run();
  return () => {
    stopped = true;
    if (controller) {
      controller.abort();
    }
  };
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  // Where to look for the next event's end: a big snapshot arrives in many chunks, and each chunk is searched once.
  let from = 0;
  for (;;) {
    const {value, done} = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n', from)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      from = 0;
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) {
          event = line.slice(7);
        } else if (line.startsWith('data: ')) {
          data += line.slice(6);
        }
      }
      if (data) {
        onEvent(event, JSON.parse(data));
      }
    }
    from = Math.max(0, buffer.length - 1);
  }
}
