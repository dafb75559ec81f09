// node silent.mjs <port> <transports>: connects, then stops answering pings; reports how the connection ended.
import { connect, finish, guard, once } from "./common.mjs";

const [port, transports] = process.argv.slice(2);
guard(20000);
const socket = connect(port, { auth: { token: "good" }, transports: [transports] });
await once(socket, "connect");
const engine = socket.io.engine;
const sendPacket = engine._sendPacket.bind(engine);
engine._sendPacket = (type, ...rest) => {
  if (type !== "pong") sendPacket(type, ...rest);
};
const [reason] = await once(socket, "disconnect");
finish({ reason });
