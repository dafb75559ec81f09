import { createRoot } from "react-dom/client";
import "../shared/styles.css";
import { App } from "./App";
import { takeToken } from "./tokenStore";

const root = document.getElementById("root");
if (root) createRoot(root).render(<App initialToken={takeToken(sessionStorage, window.location, window.history)} />);
