// AArch64 exception entry. VBAR_EL1 points at `vectors`: 16 slots of 0x80
// bytes (current EL with SP_EL0, current EL with SP_ELx, lower EL AArch64,
// lower EL AArch32; each sync, IRQ, FIQ, SError). The kernel always runs at
// EL1 on SP_EL1, so slot 4 (sync) and 5 (IRQ) are the ones that happen.
// Each slot saves x0/x1, puts its slot number in x0 and joins the common path,
// which saves everything into an ExceptionFrame (arch/arm64/ExceptionFrame.ARM64.cs),
// the FP/SIMD registers above it, and calls ks_exception(frame). ks_exception
// may switch threads (the scheduler's preemption point) and return much later,
// on the same stack, to this frame; ELR/SPSR are restored from the frame
// because another thread's exceptions overwrote the registers meanwhile.
//
// Stack overflow: a thread that runs into its guard page takes a data abort
// with sp at or just above the unmapped page, so storing the frame would
// fault again, forever. The sync slot therefore asks the MMU (AT S1E1W)
// whether sp and sp - FRAME_SIZE are writable and, if not, builds the frame
// on this CPU's emergency stack (16 KiB each, by the CPU index in TPIDR_EL1). Scratch registers while nothing is saved:
// TPIDRRO_EL0 (x0) and SP_EL0 (the interrupted sp); EL0 never runs here.
	.set GP_FRAME, 304            // x0-x30, sp, elr, spsr, esr, far, slot, pad
	.set FP_AREA, 528             // q0-q31, fpcr, fpsr
	.set FRAME_SIZE, GP_FRAME + FP_AREA
	.set SLOT_SYNC_SPX, 4
	.set EMERGENCY_SHIFT, 14      // 16 KiB per CPU
	.set MAX_CPUS, 16             // Processors.MaxCpus

	.macro SLOT number
	.balign 0x80
	msr tpidrro_el0, x0
	mov x0, sp
	msr sp_el0, x0
	.if \number == SLOT_SYNC_SPX
	at s1e1w, x0
	isb                           // ISB: PAR_EL1 holds this translation's result
	mrs x0, par_el1
	tbnz x0, #0, stack_overflow   // PAR_EL1.F: sp itself is not writable
	mrs x0, sp_el0
	sub x0, x0, #FRAME_SIZE
	at s1e1w, x0
	isb
	mrs x0, par_el1
	tbnz x0, #0, stack_overflow   // the frame would reach an unmapped page
	.endif
	sub sp, sp, #FRAME_SIZE
	mrs x0, tpidrro_el0
	stp x0, x1, [sp, #0]
	mov x0, #\number
	b exception_common
	.endm

	.text
	.balign 2048                  // VBAR_EL1 needs 2 KiB alignment
	.global vectors
vectors:
	.irp number, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	SLOT \number
	.endr

stack_overflow:
	mrs x0, tpidr_el1
	add x0, x0, #1
	lsl x0, x0, #EMERGENCY_SHIFT  // the top of this CPU's emergency stack, from its base
	mov sp, x0
	ldr x0, =emergency_stacks
	add sp, sp, x0
	sub sp, sp, #FRAME_SIZE
	mrs x0, tpidrro_el0
	stp x0, x1, [sp, #0]
	mov x0, #SLOT_SYNC_SPX
	// fall through

exception_common:
	stp x2, x3, [sp, #16]
	stp x4, x5, [sp, #32]
	stp x6, x7, [sp, #48]
	stp x8, x9, [sp, #64]
	stp x10, x11, [sp, #80]
	stp x12, x13, [sp, #96]
	stp x14, x15, [sp, #112]
	stp x16, x17, [sp, #128]
	stp x18, x19, [sp, #144]
	stp x20, x21, [sp, #160]
	stp x22, x23, [sp, #176]
	stp x24, x25, [sp, #192]
	stp x26, x27, [sp, #208]
	stp x28, x29, [sp, #224]
	mrs x1, sp_el0
	stp x30, x1, [sp, #240]
	mrs x2, elr_el1
	mrs x3, spsr_el1
	stp x2, x3, [sp, #256]
	mrs x2, esr_el1
	mrs x3, far_el1
	stp x2, x3, [sp, #272]
	str x0, [sp, #288]
	// The interrupted code's FP/SIMD registers: the C# handler may use them and
	// the scheduler may run other threads before this one continues.
	add x2, sp, #GP_FRAME
	stp q0, q1, [x2, #0]
	stp q2, q3, [x2, #32]
	stp q4, q5, [x2, #64]
	stp q6, q7, [x2, #96]
	stp q8, q9, [x2, #128]
	stp q10, q11, [x2, #160]
	stp q12, q13, [x2, #192]
	stp q14, q15, [x2, #224]
	stp q16, q17, [x2, #256]
	stp q18, q19, [x2, #288]
	stp q20, q21, [x2, #320]
	stp q22, q23, [x2, #352]
	stp q24, q25, [x2, #384]
	stp q26, q27, [x2, #416]
	stp q28, q29, [x2, #448]
	stp q30, q31, [x2, #480]
	mrs x3, fpcr
	mrs x4, fpsr
	add x2, x2, #512
	stp x3, x4, [x2]

	mov x0, sp
	mov x29, #0                   // end of the frame-pointer chain for a backtrace
	bl ks_exception

	add x2, sp, #(GP_FRAME + 512)
	ldp x3, x4, [x2]
	msr fpcr, x3
	msr fpsr, x4
	add x2, sp, #GP_FRAME
	ldp q0, q1, [x2, #0]
	ldp q2, q3, [x2, #32]
	ldp q4, q5, [x2, #64]
	ldp q6, q7, [x2, #96]
	ldp q8, q9, [x2, #128]
	ldp q10, q11, [x2, #160]
	ldp q12, q13, [x2, #192]
	ldp q14, q15, [x2, #224]
	ldp q16, q17, [x2, #256]
	ldp q18, q19, [x2, #288]
	ldp q20, q21, [x2, #320]
	ldp q22, q23, [x2, #352]
	ldp q24, q25, [x2, #384]
	ldp q26, q27, [x2, #416]
	ldp q28, q29, [x2, #448]
	ldp q30, q31, [x2, #480]
	ldp x2, x3, [sp, #256]
	msr elr_el1, x2
	msr spsr_el1, x3
	ldp x0, x1, [sp, #0]
	ldp x2, x3, [sp, #16]
	ldp x4, x5, [sp, #32]
	ldp x6, x7, [sp, #48]
	ldp x8, x9, [sp, #64]
	ldp x10, x11, [sp, #80]
	ldp x12, x13, [sp, #96]
	ldp x14, x15, [sp, #112]
	ldp x16, x17, [sp, #128]
	ldp x18, x19, [sp, #144]
	ldp x20, x21, [sp, #160]
	ldp x22, x23, [sp, #176]
	ldp x24, x25, [sp, #192]
	ldp x26, x27, [sp, #208]
	ldp x28, x29, [sp, #224]
	ldr x30, [sp, #240]
	add sp, sp, #FRAME_SIZE
	eret

	// void ks_set_vector_base(void): VBAR_EL1 = vectors.
	.global ks_set_vector_base
ks_set_vector_base:
	ldr x0, =vectors
	msr vbar_el1, x0
	isb                           // ISB: exceptions from here on use the new table
	ret

	.section .bss
	.balign 16
emergency_stacks:
	.skip MAX_CPUS << EMERGENCY_SHIFT
