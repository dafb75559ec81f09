import { createRoot } from "react-dom/client";
import "../shared/styles.css";
import { AttendeeApp } from "./AttendeeApp";
import { sessionIdFromLocation } from "./attendState";

const root = document.getElementById("root");
if (root) createRoot(root).render(<AttendeeApp sessionId={sessionIdFromLocation(window.location.pathname, window.location.search)} />);
