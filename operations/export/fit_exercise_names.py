"""Library exercises by their names in the FIT profile: what a watch calls each exercise.

Plain data, so reading which category a recorded set belongs to needs no FIT writer.
"""

from __future__ import annotations

# Library exercise id -> (FIT exercise category, FIT exercise name in that category or None).
EXERCISES: dict[str, tuple[str, str | None]] = {
    "bw_squat": ("SQUAT", "SQUAT"),
    "goblet_squat": ("SQUAT", "GOBLET_SQUAT"),
    "back_squat": ("SQUAT", "BARBELL_BACK_SQUAT"),
    "glute_bridge": ("HIP_RAISE", "HIP_RAISE"),
    "db_rdl": ("DEADLIFT", "ROMANIAN_DEADLIFT"),
    "stiff_leg_dl": ("DEADLIFT", "STRAIGHT_LEG_DEADLIFT"),
    "sl_rdl": ("DEADLIFT", "SINGLE_LEG_ROMANIAN_DEADLIFT_WITH_DUMBBELL"),
    "kb_swing": ("HIP_RAISE", "KETTLEBELL_SWING"),
    "reverse_lunge": ("LUNGE", "DUMBBELL_REVERSE_LUNGE"),
    "split_squat": ("LUNGE", "BARBELL_SPLIT_SQUAT"),
    "rfe_split_squat": ("LUNGE", "DUMBBELL_BULGARIAN_SPLIT_SQUAT"),
    "step_up": ("SQUAT", "DUMBBELL_STEP_UP"),
    "sl_hip_thrust": ("HIP_RAISE", "SINGLE_LEG_HIP_RAISE_WITH_FOOT_ON_BENCH"),
    "calf_raise": ("CALF_RAISE", "SINGLE_LEG_STANDING_CALF_RAISE"),
    "sa_db_press": ("SHOULDER_PRESS", "SINGLE_ARM_DUMBBELL_SHOULDER_PRESS"),
    "bb_press": ("SHOULDER_PRESS", "OVERHEAD_BARBELL_PRESS"),
    "push_up": ("PUSH_UP", "PUSH_UP"),
    "pike_push_up": ("PUSH_UP", "PIKE_PUSH_UP"),
    "chin_up": ("PULL_UP", "CHIN_UP"),
    "band_chin_up": ("PULL_UP", "BAND_ASSISTED_CHIN_UP"),
    "bent_row": ("ROW", "BENT_OVER_ROW_WITH_BARBELL"),
    "inverted_row": ("ROW", "INVERTED_ROW"),
    "band_row": ("BANDED_EXERCISES", "ROW"),
    "plank": ("PLANK", "PLANK"),
    "dead_bug": ("HIP_STABILITY", "DEAD_BUG"),
    "pallof_press": ("CORE", None),
    "bird_dog": ("CORE", None),
    "side_plank": ("PLANK", "SIDE_PLANK"),
    "suitcase_carry": ("CARRY", None),
    "farmer_carry": ("CARRY", "FARMERS_CARRY"),
    "pogo_hops": ("PLYO", None),
    "skips": ("PLYO", None),
    "cmj": ("PLYO", "BODY_WEIGHT_JUMP_SQUAT"),
    "box_jump": ("PLYO", "BOX_JUMP"),
    "bounds": ("PLYO", None),
    "sl_hops": ("PLYO", None),
}
