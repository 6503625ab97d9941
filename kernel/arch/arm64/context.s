// AArch64 pieces of the scheduler that C# cannot express: the context switch
// and the first frame of a new thread. AAPCS64: arguments in x0, x1.
	.text

	// void ks_context_switch(nuint* saveSp, nuint nextSp)
	// Saves the callee-saved registers (x19-x29, x30 = the return address, and
	// the low halves d8-d15 of v8-v15: all a caller expects to survive a call)
	// in a 160-byte frame, stores sp in *saveSp, loads nextSp and pops the next
	// thread's frame, returning to wherever that thread called this (or into
	// ks_thread_trampoline on its first run). Interrupts are masked on both
	// sides: the scheduler lock is held across the switch. Everything else is
	// caller-saved, and an interrupted thread's copy is in its exception frame.
	// CONTRACT with ContextSwitch.ARM64.cs: the frame layout below.
	.global ks_context_switch
ks_context_switch:
	sub sp, sp, #160
	stp x19, x20, [sp, #0]
	stp x21, x22, [sp, #16]
	stp x23, x24, [sp, #32]
	stp x25, x26, [sp, #48]
	stp x27, x28, [sp, #64]
	stp x29, x30, [sp, #80]
	stp d8, d9, [sp, #96]
	stp d10, d11, [sp, #112]
	stp d12, d13, [sp, #128]
	stp d14, d15, [sp, #144]
	mov x9, sp
	str x9, [x0]
	mov sp, x1
	ldp x19, x20, [sp, #0]
	ldp x21, x22, [sp, #16]
	ldp x23, x24, [sp, #32]
	ldp x25, x26, [sp, #48]
	ldp x27, x28, [sp, #64]
	ldp x29, x30, [sp, #80]
	ldp d8, d9, [sp, #96]
	ldp d10, d11, [sp, #112]
	ldp d12, d13, [sp, #128]
	ldp d14, d15, [sp, #144]
	add sp, sp, #160
	ret

	// Where a new thread's first switch returns to (ContextSwitch.ARM64.cs puts
	// its address in the x30 slot): run the scheduler's thread start, which
	// never returns.
ks_thread_trampoline:
	mov x29, #0
	bl ks_thread_start
	udf #0

	// nuint ks_thread_trampoline_address(void)
	.global ks_thread_trampoline_address
ks_thread_trampoline_address:
	ldr x0, =ks_thread_trampoline
	ret
