package cn.bailian.activity.activity;

/**
 * An activity is being cancelled, fired inside the cancelling transaction while its row lock is held: observers
 * (the enrollment feature) undo what hangs on it before the transaction commits.
 */
public record ActivityCancelled(Activity activity) {}
