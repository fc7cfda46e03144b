import { createServer, type IncomingMessage } from 'node:http'

/** A request the fake broker received. */
export interface BrokerRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

/** How the fake broker answers `POST /contracts/publish`. */
export type BrokerMode = 'ok' | 'unauthorized' | 'fail-twice' | 'malformed'

/**
 * A loopback server that speaks the Pact Broker's documented publish flow: the HAL index at `GET /` with
 * `pb:publish-contracts`, and `POST /contracts/publish` answered as the broker's docs show.
 * @param mode How publishing is answered.
 * @returns Its URL, the requests it saw, and close().
 */
export async function startFakeBroker(
  mode: BrokerMode = 'ok',
): Promise<{ url: string; requests: BrokerRequest[]; close: () => Promise<void> }> {
  const requests: BrokerRequest[] = []
  let publishes = 0
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      })
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
      const hal = (status: number, value: unknown): void => {
        response.writeHead(status, { 'Content-Type': 'application/hal+json;charset=utf-8' })
        response.end(JSON.stringify(value))
      }
      if (mode === 'unauthorized') {
        hal(401, { error: 'Unauthorized' })
        return
      }
      if (request.method === 'GET' && request.url === '/') {
        hal(200, {
          _links: {
            'pb:publish-contracts': {
              href: `${base}/contracts/publish`,
              title: 'Publish contracts',
            },
            self: { href: base },
          },
        })
        return
      }
      if (request.method === 'POST' && request.url === '/contracts/publish') {
        publishes++
        if (mode === 'fail-twice' && publishes <= 2) {
          hal(500, { error: 'database is down' })
          return
        }
        if (mode === 'malformed') {
          response.writeHead(200, { 'Content-Type': 'application/hal+json' })
          return response.end('<html>not json')
        }
        const published = JSON.parse(body) as {
          pacticipantName: string
          pacticipantVersionNumber: string
          branch?: string
        }
        const version = `${base}/pacticipants/${published.pacticipantName}/versions/${published.pacticipantVersionNumber}`
        hal(200, {
          logs: [
            {
              level: 'info',
              message: `Pact published for ${published.pacticipantName} version ${published.pacticipantVersionNumber}.`,
            },
          ],
          _embedded: {
            pacticipant: {
              name: published.pacticipantName,
              _links: { self: { href: `${base}/pacticipants/${published.pacticipantName}` } },
            },
            version: {
              number: published.pacticipantVersionNumber,
              branch: published.branch,
              _links: {
                self: { title: 'Version', name: published.pacticipantVersionNumber, href: version },
              },
            },
          },
          _links: {
            'pb:pacticipant': {
              title: 'Pacticipant',
              name: published.pacticipantName,
              href: `${base}/pacticipants/${published.pacticipantName}`,
            },
            'pb:pacticipant-version': {
              title: 'Pacticipant version',
              name: published.pacticipantVersionNumber,
              href: version,
            },
            'pb:contracts': [],
          },
        })
        return
      }
      hal(404, { error: `No route ${request.method ?? ''} ${request.url ?? ''}` })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve()
        }),
      ),
  }
}
