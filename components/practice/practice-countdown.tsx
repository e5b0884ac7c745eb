"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Icon } from "@/components/ui/icons";
import { countdownAnnouncement, formatCountdown } from "@/lib/practice/practice-form";

/** How often to ask the server again while it has not yet submitted an attempt whose time is up. */
const RETRY_MS = 3_000;

/**
 * A timed practice test's countdown. The time left is the server's (`remainingMs`, measured when
 * the page was rendered), counted down on this device's clock from when it arrived, so a device
 * whose clock is wrong still counts the right time. The timer itself is not live (role="timer"
 * reads as aria-live="off"); a separate polite region speaks at 5 minutes, 1 minute and 0 only. At
 * zero the page refreshes: the server has submitted the saved answers by then (getAttempt submits an
 * expired attempt on read), and the results replace the quiz.
 */
export function PracticeCountdown({ remainingMs }: { remainingMs: number }) {
  const router = useRouter();
  const [left, setLeft] = useState(remainingMs);
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef(remainingMs);

  useEffect(() => {
    const deadline = Date.now() + remainingMs;
    previous.current = remainingMs;
    let refreshed = 0;
    const tick = () => {
      const now = deadline - Date.now();
      const said = countdownAnnouncement(previous.current, now);
      previous.current = now;
      if (said) setAnnouncement(said);
      setLeft(now);
      // Once at zero, then again every few seconds, in case this page asked a moment early.
      if (now <= -refreshed * RETRY_MS) {
        refreshed++;
        router.refresh();
      }
    };
    // Four ticks a second, so the shown second turns over close to when it should.
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [remainingMs, router]);

  const up = left <= 0;
  return (
    <div className={`practice-timer${left <= 60_000 ? " practice-timer-low" : ""}`}>
      <p className="practice-timer-clock">
        <Icon name="clock" />
        <span id="practice-timer-label">{up ? "Time is up" : "Time left"}</span>
        <span role="timer" aria-labelledby="practice-timer-label" className="practice-timer-value">
          {formatCountdown(left)}
        </span>
      </p>
      <p className="practice-timer-note">
        {up
          ? "Submitting your saved answers…"
          : "When time is up, your saved answers are submitted."}
      </p>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
    </div>
  );
}
