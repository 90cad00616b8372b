import { connect, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import { e2ePort } from "./fixtures/config";

/** Sends one request on the socket, reads its whole answer (by its Content-Length) and resolves to the status line. */
function statusOf(socket: Socket, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const headEnd = received.indexOf("\r\n\r\n");
      if (headEnd === -1) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(received)?.[1] ?? 0);
      if (received.length - headEnd - 4 < length) return;
      socket.off("data", onData).off("close", onClose);
      resolve(received.split("\r\n")[0]!);
    };
    const onClose = () => {
      socket.off("data", onData);
      reject(new Error("the server closed the connection"));
    };
    socket.on("data", onData).once("close", onClose);
    socket.write(request);
  });
}

// A client's pool reuses an idle connection for its next request; had the server closed it
// meanwhile (Node's default is after 5 s idle), a publish sent on it would be reset, not answered.
test("an idle keep-alive connection is still open after 6 seconds, so a publish sent on it is answered", async () => {
  const socket = connect(e2ePort, "localhost");
  await new Promise((resolve) => socket.once("connect", resolve));
  const publish = [
    "POST /api/v1/events HTTP/1.1",
    `Host: localhost:${e2ePort}`,
    "Connection: keep-alive",
    "Content-Type: application/json",
    "Content-Length: 2",
    "",
    "{}",
  ].join("\r\n");
  try {
    // Unauthenticated: a 401 proves the route answered on this connection, which is all this test asks.
    expect(await statusOf(socket, publish)).toBe("HTTP/1.1 401 Unauthorized");
    // Idle time is the condition under test, so this waits it out.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(socket.destroyed).toBe(false);
    expect(await statusOf(socket, publish)).toBe("HTTP/1.1 401 Unauthorized");
  } finally {
    socket.destroy();
  }
});
